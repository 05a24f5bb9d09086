package cn.majordecision.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;

class StatutoryHolidaysTests {

    private final CalendarFiles officialNotices =
            new CalendarFiles(new DefaultResourceLoader(), "classpath:calendar/cn-statutory.yaml", List.of());

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void everyStatutoryHolidayOfTheProvisionalYearIsARestDayOfTheOfficialNotice(int year) {
        // given: the State Council's notice for the year, as shipped in the data file
        CalendarYear official = officialNotices.national(year);

        // when
        SortedMap<LocalDate, String> statutory = StatutoryHolidays.of(year);
        CalendarYear provisional = CalendarYear.provisional(year);

        // then: 13 days by the 2024 amendment, every one a rest day of the notice and of the provisional year
        assertThat(statutory).hasSize(13);
        assertThat(official.restDays()).containsAll(statutory.keySet());
        statutory.keySet().forEach(day -> assertThat(provisional.isWorkingDay(day)).as(day + " " + statutory.get(day)).isFalse());
    }

    @ParameterizedTest
    @CsvSource({
            "2025-01-28, 春节", "2025-01-31, 春节", "2025-04-04, 清明节", "2025-05-02, 劳动节", "2025-05-31, 端午节",
            "2025-10-06, 中秋节", "2026-02-16, 春节", "2026-02-19, 春节", "2026-04-05, 清明节", "2026-06-19, 端午节",
            "2026-09-25, 中秋节", "2026-10-03, 国庆节"})
    void namesTheFestivalOfEachHolidayTheNoticesGive(LocalDate day, String festival) {
        assertThat(StatutoryHolidays.of(day.getYear())).containsEntry(day, festival);
    }

    @ParameterizedTest
    @CsvSource({"2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13", "2030, 2030-02-03", "2031, 2031-01-23",
            "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19", "2035, 2035-02-08"})
    void theLunarNewYearFallsOnItsAstronomicalDay(int year, LocalDate newYear) {
        // 2027 and 2030 have the new moon minutes from midnight Beijing time: a day off there would shift 春节
        SortedMap<LocalDate, String> holidays = StatutoryHolidays.of(year);

        assertThat(holidays).containsEntry(newYear.minusDays(1), "春节").containsEntry(newYear, "春节")
                .containsEntry(newYear.plusDays(2), "春节").doesNotContainKey(newYear.plusDays(3));
    }

    @ParameterizedTest
    @CsvSource({"2027, 2027-04-05", "2028, 2028-04-04", "2030, 2030-04-05", "2034, 2034-04-05"})
    void qingmingIsTheDayOfTheSolarTermInBeijingTime(int year, LocalDate qingming) {
        assertThat(StatutoryHolidays.of(year)).containsEntry(qingming, "清明节");
    }

    @ParameterizedTest
    @ValueSource(ints = {2016, 2024})
    void beforeTheAmendmentSpringFestivalHadThreeDaysAndLabourDayOne(int year) {
        SortedMap<LocalDate, String> holidays = StatutoryHolidays.of(year);

        assertThat(holidays).hasSize(11).containsEntry(LocalDate.of(year, 5, 1), "劳动节")
                .doesNotContainKey(LocalDate.of(year, 5, 2));
        assertThat(officialNotices.national(2024).restDays()).containsAll(StatutoryHolidays.of(2024).keySet());
    }
}
