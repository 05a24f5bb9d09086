package cn.majordecision.cases;

/** The engine task a stage record answers: its id, BPMN key, name, form and stage. */
public record SubmittedTask(String taskId, String taskKey, String taskName, String formKey, Stage stage) {
}
