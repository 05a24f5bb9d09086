package cn.majordecision.annualreport;

import java.util.List;

/**
 * One number of the annual report: its key, its Chinese label, the value, the cases it counts (and, for the catalog,
 * the items) so that every number can be checked against the case files.
 */
public record Metric(String key, String label, long value, List<String> caseNumbers, List<String> itemNumbers,
        String note) {

    /** A metric that counts cases: its value is the number of cases listed. */
    static Metric of(String key, String label, List<String> caseNumbers) {
        return of(key, label, caseNumbers.size(), caseNumbers);
    }

    static Metric of(String key, String label, long value, List<String> caseNumbers) {
        return new Metric(key, label, value, caseNumbers, List.of(), null);
    }
}
