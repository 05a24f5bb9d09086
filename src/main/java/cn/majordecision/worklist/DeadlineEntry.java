package cn.majordecision.worklist;

import cn.majordecision.cases.Stage;

/**
 * One open task in the deadline report: its case, stage, unit, due date and working days left; {@code dueProvisional}
 * when the due date rests on a year whose holiday notice is not entered yet.
 */
public record DeadlineEntry(TaskSnapshot task, String caseNumber, String caseTitle, String unit, Stage stage,
        Integer workingDaysLeft, boolean overdue, boolean dueProvisional) {
}
