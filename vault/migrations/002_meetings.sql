-- Meetings, agendas, materials and the distribution record.
-- Reserved; the meetings change fills it in.
SELECT 1;
