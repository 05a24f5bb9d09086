package cn.majordecision.expertreview;

/** Ends the open expert opinion tasks of a case's running round, so that the process goes on to the adoption. */
public interface ExpertRoundEngine {

    void closeRound(String caseNumber);
}
