package cn.majordecision.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese TrueType font the dossier's PDFs embed: the configured file ({@code app.archive.font}), else LXGW WenKai
 * from the system fonts. CFF-based fonts (Noto CJK) cannot be embedded as PDF/A TrueType and are not used.
 */
@Component
public class ArchiveFont {

    static final String INSTALL_HINT = "归档需要可嵌入的中文 TrueType 字体：请安装 fonts-lxgw-wenkai"
            + "（apt-get install fonts-lxgw-wenkai），或以 app.archive.font 指定字体文件。";
    private static final List<Path> SYSTEM_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Light.ttf"),
            Path.of("/usr/local/share/fonts/LXGWWenKai-Regular.ttf"));
    private static final Logger log = LoggerFactory.getLogger(ArchiveFont.class);

    private final Optional<Path> path;
    private final TrueTypeFont font;

    @Autowired
    ArchiveFont(@Value("${app.archive.font:}") String configured) {
        this(configured.isBlank() ? SYSTEM_FONTS : List.of(Path.of(configured)));
    }

    ArchiveFont(List<Path> candidates) {
        Path found = null;
        TrueTypeFont parsed = null;
        for (Path candidate : candidates) {
            if (Files.isReadable(candidate)) {
                try {
                    parsed = new TTFParser().parse(new RandomAccessReadBufferedFile(candidate.toFile()));
                    found = candidate;
                    break;
                } catch (IOException e) {
                    log.warn("Font {} cannot be read as TrueType: {}", candidate, e.getMessage());
                }
            }
        }
        this.path = Optional.ofNullable(found);
        this.font = parsed;
        if (found == null) {
            log.warn("No archive font found; archiving will be refused until one is installed");
        }
    }

    public Optional<Path> path() {
        return path;
    }

    /** The characters of the text the font cannot draw, each once, in order. */
    public Set<Integer> missing(String text) {
        Set<Integer> missing = new LinkedHashSet<>();
        if (font == null || text == null) {
            return missing;
        }
        try {
            var cmap = font.getUnicodeCmapLookup();
            text.codePoints().filter(cp -> !Character.isISOControl(cp) && !Character.isWhitespace(cp))
                    .filter(cp -> cmap.getGlyphId(cp) == 0).forEach(missing::add);
        } catch (IOException e) {
            throw new IllegalStateException("The archive font's character map cannot be read", e);
        }
        return missing;
    }

    /** How to name a character for a clerk: its code and the character itself. */
    static String describe(int codePoint) {
        return String.format("U+%04X “%s”", codePoint, new String(Character.toChars(codePoint)));
    }

    static List<String> describeAll(Set<Integer> codePoints) {
        List<String> names = new ArrayList<>();
        codePoints.forEach(cp -> names.add(describe(cp)));
        return names;
    }
}
