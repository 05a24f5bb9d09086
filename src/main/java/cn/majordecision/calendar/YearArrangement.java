package cn.majordecision.calendar;

import java.util.List;

/**
 * A year as an administrator enters it from the State Council notice, in the data file's shape: {@code off} rest days
 * and {@code work} adjusted working days, each a date or an inclusive range "2027-10-01..2027-10-07".
 */
public record YearArrangement(String notice, List<String> off, List<String> work) {
}
