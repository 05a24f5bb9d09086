package cn.majordecision.cases;

/** Why a flag switches a stage off: a ground from the fixed list and the officer's statement of the particulars. */
public record SkipBasis(SkipBasisCode code, String text) {

    /** The shortest statement that can name a law, a category, a case number or a report. */
    public static final int MIN_TEXT = 10;
    public static final int MAX_TEXT = 1000;

    /** How records, the case page and the procedure statement show it: "涉及国家秘密：依据……". */
    public String statement() {
        return code.label() + "：" + text;
    }
}
