-- who made each import (and who undid it): the warehouse's view import_authors
-- (pipelines/transform/sql/warehouse.sql), which `mobility imports` reads too
select import_id, imported_by from import_authors
