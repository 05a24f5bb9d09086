package cn.majordecision.compliance;

/** How a case stands against one group of articles. */
public enum ComplianceStatus {
    /** Performed; the evidence names the record, when and by whom. */
    DONE,
    /** Not performed, lawfully: a flag made the stage unnecessary; the evidence names the flag and who set it. */
    SKIPPED_LAWFULLY,
    /** The case went past the stage without its record. */
    MISSING,
    /** Performed, but not as the article requires. */
    VIOLATED,
    /** The case has not reached the stage (it is still running, or ended before it). */
    NOT_YET_DUE
}
