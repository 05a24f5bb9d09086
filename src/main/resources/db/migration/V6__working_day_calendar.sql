-- Years of the working-day calendar stored by an administrator (the next year's State Council notice, a
-- correction); they take precedence over the data file calendar/cn-statutory.yaml. One row per rest day or
-- adjusted working day. ${text}, ${instant} and ${table_options} are set per database as in V1.

CREATE TABLE calendar_year (
    cal_year    INT          NOT NULL PRIMARY KEY,
    notice      VARCHAR(200),
    replaced_by VARCHAR(64)  NOT NULL,
    replaced_at ${instant}   NOT NULL
) ${table_options};

CREATE TABLE calendar_day (
    cal_year INT        NOT NULL,
    cal_date DATE       NOT NULL,
    kind     VARCHAR(8) NOT NULL,
    PRIMARY KEY (cal_year, cal_date),
    CONSTRAINT fk_calendar_day_year FOREIGN KEY (cal_year) REFERENCES calendar_year (cal_year)
) ${table_options};
