package cn.majordecision.audit;

/**
 * What a bundle holds of its case, signed with the checkpoint key: how many of the case's entries the signed log had,
 * and the last one. Entries cut off the end of a bundle leave its case chain intact; this statement does not.
 */
public record CaseHead(String caseNumber, long entries, long lastSequence, String lastLeafHash, long treeSize,
        String rootHash) {

    static final String ORIGIN = "major-decision/case-head";

    /** The note that is signed, one field a line, bound to the checkpoint it was made under. */
    public String signedText() {
        return ORIGIN + "\n" + caseNumber + "\n" + entries + "\n" + lastSequence + "\n" + lastLeafHash + "\n" + treeSize
                + "\n" + rootHash + "\n";
    }
}
