select count(*) as n from ec_institutions
