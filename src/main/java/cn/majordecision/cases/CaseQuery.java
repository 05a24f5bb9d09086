package cn.majordecision.cases;

import java.time.LocalDate;

/** Search criteria for the case list; every part is optional. */
public record CaseQuery(String number, String title, CaseStatus status, Stage stage, LocalDate filedFrom,
        LocalDate filedTo) {
}
