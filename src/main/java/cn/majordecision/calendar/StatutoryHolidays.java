package cn.majordecision.calendar;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statutory public holidays of a year by 《全国年节及纪念日放假办法》, without the State Council's adjustments
 * (调休): the rest days a year is certain to have before its notice is published. Lunar dates and the Qingming solar
 * term come from the lunar library's astronomical computation (Beijing time), never from a typed table.
 * <ul>
 * <li>2025 on (amended 2024): 元旦 1; 春节 4 (除夕, 正月初一至初三); 清明 1; 劳动节 2 (5月1日、2日); 端午 1; 中秋 1;
 *     国庆 3 (10月1日至3日).</li>
 * <li>2014-2024 (amended 2013): as above, but 春节 3 (正月初一至初三) and 劳动节 1.</li>
 * <li>2008-2013 (amended 2007): 春节 3 (除夕, 正月初一、初二), 劳动节 1.</li>
 * <li>before 2008 (amended 1999): 元旦 1; 春节 3 (正月初一至初三); 劳动节 3; 国庆 3.</li>
 * </ul>
 */
public final class StatutoryHolidays {

    private static final Map<Integer, SortedMap<LocalDate, String>> YEARS = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
    }

    /** The statutory holidays of {@code year}, each day with the festival's name, in date order. */
    public static SortedMap<LocalDate, String> of(int year) {
        return YEARS.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    private static SortedMap<LocalDate, String> compute(int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        LocalDate newYear = lunar(year, 1, 1);
        LocalDate eve = lunar(year, 1, 1).minusDays(1);
        if (year >= 2025) {
            put(days, "春节", eve, newYear, newYear.plusDays(1), newYear.plusDays(2));
        } else if (year >= 2014) {
            put(days, "春节", newYear, newYear.plusDays(1), newYear.plusDays(2));
        } else if (year >= 2008) {
            put(days, "春节", eve, newYear, newYear.plusDays(1));
        } else {
            put(days, "春节", newYear, newYear.plusDays(1), newYear.plusDays(2));
        }
        if (year >= 2008) {
            days.put(qingming(year), "清明节");
            days.put(lunar(year, 5, 5), "端午节");
            days.put(lunar(year, 8, 15), "中秋节");
        }
        int labourDays = year >= 2025 ? 2 : year >= 2008 ? 1 : 3;
        for (int d = 1; d <= labourDays; d++) {
            days.put(LocalDate.of(year, 5, d), "劳动节");
        }
        for (int d = 1; d <= 3; d++) {
            days.put(LocalDate.of(year, 10, d), "国庆节");
        }
        return Collections.unmodifiableSortedMap(days);
    }

    private static void put(SortedMap<LocalDate, String> days, String name, LocalDate... dates) {
        for (LocalDate date : dates) {
            days.put(date, name);
        }
    }

    /** The day of the lunar date in the lunar year that starts in {@code year} (正月 of {@code year}). */
    private static LocalDate lunar(int year, int month, int day) {
        Solar solar = Lunar.fromYmd(year, month, day).getSolar();
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    /** The day (Beijing time) the sun reaches 15° of ecliptic longitude: the Qingming solar term. */
    private static LocalDate qingming(int year) {
        Solar solar = Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明");
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
