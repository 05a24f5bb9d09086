package cn.majordecision.worklist;

/** A task in someone's inbox, with the case it belongs to. */
public record InboxEntry(TaskSnapshot task, String caseNumber, String caseTitle) {
}
