package cn.majordecision.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** Times on pages as people in China read them: Asia/Shanghai, 24-hour; used in templates as {@code ${@fmt...}}. */
@Component("fmt")
public class PageFormat {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(CHINA));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(CHINA));
    }

    /** A time that a view holds as ISO text; text that is not an instant is shown as it is. */
    public String isoDateTime(String iso) {
        try {
            return iso == null ? "" : dateTime(Instant.parse(iso));
        } catch (DateTimeParseException notAnInstant) {
            return iso;
        }
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
