package cn.majordecision.publication;

import java.util.Map;
import java.util.Set;

/**
 * The channels of the publication form (Art. 32) and the field each one's particulars are recorded in: the website's
 * addresses, the gazette's issue, and so on; and which records oblige an adoption statement. Read by the submission
 * rule, the public page and the compliance check.
 */
public final class PublicationChannels {

    public static final String WEBSITE = "website";
    public static final String GAZETTE = "gazette";

    /** Channel code to the form field of its particulars. */
    public static final Map<String, String> DETAILS = Map.of(GAZETTE, "gazetteIssue", WEBSITE, "links",
            "newspaper", "newspaperIssue", "newMedia", "newMediaAccount", "broadcast", "broadcastProgramme",
            "noticeBoard", "noticeBoardPlace", "other", "otherChannel");

    /**
     * The forms whose records show that public or expert opinions were sought (Arts. 14-20): with any of them, the
     * publication states how the opinions were adopted.
     */
    public static final Set<String> OPINIONS_SOUGHT = Set.of("publish-consultation-notice", "publish-hearing-notice",
            "record-hearing", "write-expert-opinion");

    private PublicationChannels() {
    }
}
