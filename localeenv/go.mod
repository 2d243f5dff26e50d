module localeenv

go 1.26.8
