package cn.majordecision.cases;

/** One line of the statement of statutory steps performed or skipped (Art. 26), generated from the records. */
public record ProcedureStep(Stage stage, String stageLabel, Status status, String statement) {

    /** Whether the step ran, was skipped by a flag, or has not happened yet. */
    public enum Status { PERFORMED, SKIPPED, PENDING }
}
