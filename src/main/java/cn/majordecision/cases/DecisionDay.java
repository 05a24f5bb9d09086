package cn.majordecision.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * The day a decision is made, from which its publication is timed (Art. 32): the day of the meeting that approved it
 * (Art. 30), or, where the people's congress or its standing committee had to approve it, the day that approval was
 * given. The submission rule, the compliance check and the annual report read it here, so they count from the same day.
 */
public final class DecisionDay {

    /** The meeting decisions that adopt the draft (with or without minor revision). */
    public static final Set<String> APPROVING_MEETING = Set.of("approve", "minorRevision");

    private DecisionDay() {
    }

    /** The day {@code data}, submitted on form {@code formKey}, makes the decision, if it is a deciding record. */
    public static Optional<LocalDate> of(String formKey, JsonNode data) {
        if ("record-meeting".equals(formKey) && APPROVING_MEETING.contains(text(data, "meetingDecision"))) {
            return date(data, "meetingDate");
        }
        if ("record-congress-decision".equals(formKey) && "approved".equals(text(data, "congressDecision"))) {
            return date(data, "decidedOn");
        }
        return Optional.empty();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.path(field);
        return value != null && value.isValueNode() ? value.asText().strip() : null;
    }

    private static Optional<LocalDate> date(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null || value.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
