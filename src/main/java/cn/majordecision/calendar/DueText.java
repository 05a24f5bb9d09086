package cn.majordecision.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A deadline in the words people count it by: a period that ends at the midnight after its last day reads
 * "12月11日（周五）24:00前", never "12月12日 00:00"; the year is shown when it is not the current one.
 */
public final class DueText {

    private static final String WEEKDAYS = "一二三四五六日";

    private DueText() {
    }

    /** The deadline {@code due} as read on {@code today} (both in Asia/Shanghai), in Chinese or English. */
    public static String of(Instant due, LocalDate today, Locale locale) {
        if (due == null) {
            return "";
        }
        ZonedDateTime at = due.atZone(Deadlines.CHINA);
        boolean endOfDay = at.toLocalTime().equals(LocalTime.MIDNIGHT);
        LocalDate day = endOfDay ? at.toLocalDate().minusDays(1) : at.toLocalDate();
        String time = endOfDay ? "24:00" : at.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
        boolean otherYear = today == null || day.getYear() != today.getYear();
        if (locale != null && "en".equals(locale.getLanguage())) {
            String date = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                    + day.format(DateTimeFormatter.ofPattern(otherYear ? "d MMM yyyy" : "d MMM", Locale.ENGLISH));
            return "by " + time + " on " + date;
        }
        String date = (otherYear ? day.getYear() + "年" : "") + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
        return date + "（周" + WEEKDAYS.charAt(day.getDayOfWeek().getValue() - 1) + "）" + time + "前";
    }
}
