package cn.majordecision.calendar;

import cn.majordecision.shared.FieldViolation;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The calendar data files: the national arrangement ({@code app.calendar.file}) and optional regional overlays
 * ({@code app.calendar.overlays}, e.g. a minority-ethnic holiday of one region), read once at start-up. A broken
 * file stops the application: a calendar silently missing days would compute wrong statutory deadlines.
 */
@Component
class CalendarFiles {

    private final Map<Integer, CalendarYear> national;
    private final Map<Integer, SortedSet<LocalDate>> regional;

    CalendarFiles(ResourceLoader resources,
            @Value("${app.calendar.file:classpath:calendar/cn-statutory.yaml}") String file,
            @Value("${app.calendar.overlays:}") List<String> overlays) {
        this.national = new TreeMap<>();
        read(resources.getResource(file)).forEach((year, entry) -> national.put(year, nationalYear(file, year, entry)));
        this.regional = new TreeMap<>();
        for (String overlay : overlays) {
            if (!overlay.isBlank()) {
                read(resources.getResource(overlay.strip())).forEach((year, entry) ->
                        regional.computeIfAbsent(year, y -> new TreeSet<>()).addAll(days(overlay, year, entry, "off")));
            }
        }
    }

    /** The national arrangement for {@code year} from the file, if the file has it. */
    CalendarYear national(int year) {
        return national.get(year);
    }

    /** The regional extra rest days for {@code year} (empty when no overlay names that year). */
    SortedSet<LocalDate> regional(int year) {
        return regional.getOrDefault(year, new TreeSet<>());
    }

    private static CalendarYear nationalYear(String file, int year, Map<?, ?> entry) {
        Object notice = entry.get("notice");
        return new CalendarYear(year, notice == null ? null : notice.toString(), days(file, year, entry, "off"),
                days(file, year, entry, "work"), new TreeSet<>(), CalendarYear.Source.FILE, null, null);
    }

    private static SortedSet<LocalDate> days(String file, int year, Map<?, ?> entry, String key) {
        Object list = entry.get(key);
        if (list == null) {
            return new TreeSet<>();
        }
        if (!(list instanceof List<?> entries)) {
            throw new IllegalStateException("工作日历文件 %s 中 %d 年的 %s 应为日期列表".formatted(file, year, key));
        }
        List<FieldViolation> violations = new ArrayList<>();
        SortedSet<LocalDate> days = DayEntries.expand(entries, year, key, violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("工作日历文件 %s 中 %d 年有误：%s".formatted(file, year, violations));
        }
        return days;
    }

    private static Map<Integer, Map<?, ?>> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            LoaderOptions options = new LoaderOptions();
            Object root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new YearsAndText()).load(in);
            Map<Integer, Map<?, ?>> years = new TreeMap<>();
            if (root instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    if (!(key instanceof Integer year) || !(value instanceof Map<?, ?> entry)) {
                        throw new IllegalStateException("工作日历文件 %s 的顶层应为“年份: {notice, off, work}”，见到“%s”"
                                .formatted(resource, key));
                    }
                    years.put(year, entry);
                });
            }
            return years;
        } catch (IOException e) {
            throw new IllegalStateException("无法读取工作日历文件 " + resource, e);
        }
    }

    /**
     * Resolves only integers (the year keys) and null; everything else stays text. YAML 1.1 would otherwise read the
     * key {@code off} as the boolean false and bare dates as timestamps.
     */
    private static final class YearsAndText extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
