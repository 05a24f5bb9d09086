package cn.majordecision.cases.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed access to the variables every decision process carries. */
final class CaseVariables {

    static final String CASE_ID = "caseId";

    private CaseVariables() {
    }

    static Long caseId(VariableScope scope) {
        Object value = scope.getVariable(CASE_ID);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Process variable caseId is missing");
    }
}
