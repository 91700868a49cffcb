-- the values of the sidebar filters, from the small mart built for them
select filter, value from filter_values order by filter, value
