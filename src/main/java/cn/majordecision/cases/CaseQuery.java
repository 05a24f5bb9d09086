package cn.majordecision.cases;

import java.time.LocalDate;

/**
 * Search criteria for the case list; every part is optional. {@code unit} matches the undertaking or the lead unit
 * (part of its name), for auditors looking for one office's cases.
 */
public record CaseQuery(String number, String title, CaseStatus status, Stage stage, LocalDate filedFrom,
        LocalDate filedTo, String unit) {

    public CaseQuery(String number, String title, CaseStatus status, Stage stage, LocalDate filedFrom,
            LocalDate filedTo) {
        this(number, title, status, stage, filedFrom, filedTo, null);
    }
}
