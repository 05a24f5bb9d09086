package cn.majordecision.web.pages.officer;

import cn.majordecision.web.pages.PageFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** Times that views hand over as ISO text, shown like every other time ({@code ${@officerFormat.dateTime(x)}}). */
@Component("officerFormat")
class OfficerFormat {

    private final PageFormat format;

    OfficerFormat(PageFormat format) {
        this.format = format;
    }

    public String dateTime(String iso) {
        try {
            return iso == null ? "" : format.dateTime(Instant.parse(iso));
        } catch (DateTimeParseException notAnInstant) {
            return iso;
        }
    }
}
