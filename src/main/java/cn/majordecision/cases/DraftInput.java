package cn.majordecision.cases;

/** A new draft version submitted with a task. */
public record DraftInput(String text, String explanation, String changeSummary) {
}
