package cn.majordecision.repair;

/**
 * The engine operations a repair needs, on the process instances of one case (its main process and the sub-processes
 * it calls, all carrying the case number as business key). Each returns what it did, in words for the record, or
 * throws a {@code DomainException} when there is nothing to do or the move would skip ahead.
 */
public interface RepairEngine {

    String retryFailedJobs(String caseNumber);

    String resolveIncident(String caseNumber, String incidentId);

    String moveTokenBack(String caseNumber, String fromActivityId, String toActivityId);
}
