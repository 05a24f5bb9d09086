package cn.majordecision.cases;

import java.util.List;
import java.util.Map;

/** What the case module needs from the process engine; implemented in {@code cases.process}. */
public interface CaseWorkflow {

    /** Starts the decision process for a filed case and returns the process instance id. */
    String start(String caseNumber, Map<String, Object> variables);

    /** Gives the running process the officer's revised flags. */
    void updateFlags(String processInstanceId, Map<String, Object> flags);

    /** Ends the running process of a withdrawn case. */
    void withdraw(String caseNumber);

    /** The open tasks of a case, in all its sub-processes. */
    List<OpenTask> openTasks(String caseNumber);
}
