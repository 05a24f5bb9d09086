package cn.majordecision.consultation;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adoption table of the public opinions (Arts. 29 and 32): each published opinion, with its alike ones grouped,
 * how it was adopted and why; and each opinion withheld as off-topic or abusive, shown by its reason, with its answer.
 * It goes into the meeting pack and is published with the decision, so it holds no name, no contact and no withheld
 * text.
 */
@Service
@Transactional(readOnly = true)
public class OpinionAdoption {

    private static final Map<String, String> LABELS = Map.of("ADOPTED", "采纳", "PARTLY_ADOPTED", "部分采纳",
            "NOT_ADOPTED", "不予采纳", "NOT_APPLICABLE", "不适用");
    /** What stands in the table for the text of an opinion withheld for this reason. */
    private static final Map<String, String> WITHHELD_TEXT = Map.of("OFF_TOPIC", "（不予公开：与本事项无关）",
            "ABUSIVE", "（不予公开：含辱骂等不文明内容）");

    private final CaseService cases;
    private final PublicOpinionRepository opinions;

    OpinionAdoption(CaseService cases, PublicOpinionRepository opinions) {
        this.cases = cases;
        this.opinions = opinions;
    }

    /** Received, published and withheld are counted apart; the rows show published opinions only. */
    public record AdoptionTable(String caseNumber, long received, long published, long withheld, long unanswered,
            List<Row> rows) {
    }

    /**
     * One opinion, or a group of alike ones answered alike, with its receipt numbers; {@code withheldReason} is set
     * (OFF_TOPIC, ABUSIVE) for a withheld one, whose text is then its reason, not what was written.
     */
    public record Row(int number, List<String> receiptNumbers, int count, String text, String withheldReason,
            String adoption, String adoptionLabel, String reason) {
    }

    public AdoptionTable table(String caseNumber, Actor reader) {
        return table(cases.read(caseNumber, reader));
    }

    /** The table of a case its caller may already read. */
    public AdoptionTable table(DecisionCase decisionCase) {
        List<PublicOpinion> all = opinions.findByCaseIdOrderById(decisionCase.getId());
        Map<List<String>, List<PublicOpinion>> groups = new LinkedHashMap<>();
        for (PublicOpinion o : all) {
            if (o.isInAdoptionTable()) {
                groups.computeIfAbsent(List.of(o.getTextHash(), Objects.toString(o.getScreening()),
                        Objects.toString(o.getWithheldReason()), Objects.toString(o.getAdoption()),
                        Objects.toString(o.getAdoptionReason())), k -> new ArrayList<>()).add(o);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (List<PublicOpinion> group : groups.values()) {
            PublicOpinion first = group.get(0);
            boolean withheld = "WITHHELD".equals(first.getScreening());
            rows.add(new Row(rows.size() + 1, group.stream().map(PublicOpinion::getReceiptNumber).toList(),
                    group.size(), withheld ? WITHHELD_TEXT.get(first.getWithheldReason()) : first.getText(),
                    withheld ? first.getWithheldReason() : null, first.getAdoption(),
                    first.getAdoption() == null ? "尚未答复" : LABELS.getOrDefault(first.getAdoption(), "尚未答复"),
                    first.getAdoptionReason()));
        }
        return new AdoptionTable(decisionCase.getNumber(), all.size(),
                all.stream().filter(o -> "PUBLISHED".equals(o.getScreening())).count(),
                all.stream().filter(o -> "WITHHELD".equals(o.getScreening())).count(),
                all.stream().filter(o -> !o.isAnswered()).count(), rows);
    }

    /** The table as CSV for spreadsheets: UTF-8 with a byte order mark, so that Excel shows the Chinese text. */
    public byte[] csv(AdoptionTable table) {
        StringBuilder csv = new StringBuilder("\uFEFF序号,回执编号,相同意见数,意见内容,采纳情况,理由\r\n");
        for (Row row : table.rows()) {
            csv.append(row.number()).append(',')
                    .append(cell(String.join(" ", row.receiptNumbers()))).append(',')
                    .append(row.count()).append(',')
                    .append(cell(row.text())).append(',')
                    .append(cell(row.adoptionLabel())).append(',')
                    .append(cell(row.reason())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted, and a leading formula character defused, so a citizen's text cannot become a spreadsheet formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
