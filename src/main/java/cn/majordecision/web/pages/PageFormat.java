package cn.majordecision.web.pages;

import cn.majordecision.calendar.DueText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times on pages as people in China read them: Asia/Shanghai, 24-hour; used in templates as {@code ${@fmt...}}. */
@Component("fmt")
public class PageFormat {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;

    PageFormat(Clock clock) {
        this.clock = clock;
    }

    /** A deadline as people count it: "12月11日（周五）24:00前", never the midnight that starts the next day. */
    public String due(Instant due) {
        return DueText.of(due, LocalDate.ofInstant(clock.instant(), CHINA), LocaleContextHolder.getLocale());
    }

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
