package cn.majordecision.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese TrueType font the dossier's PDFs embed: Noto Sans SC, which comes with the application (a Maven
 * dependency), or the file named by {@code app.archive.font}. Read and checked once, at start-up.
 */
@Component
public class ArchiveFont {

    /** Noto Sans SC with TrueType outlines, inside the ph-fonts-noto-sans-sc jar. */
    static final String BUNDLED = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String MISSING_HINT = "归档需要可嵌入的中文 TrueType 字体，但归档字体无法读取：请检查 app.archive.font "
            + "所指的文件（须为允许嵌入的 TrueType 字体），或删除该设置以使用随应用提供的思源黑体（Noto Sans SC）。";
    private static final Logger log = LoggerFactory.getLogger(ArchiveFont.class);

    private final String source;
    /** The font file, kept in memory (about 10 MB); null when it cannot be used. */
    private final byte[] bytes;
    /** The characters the font has a glyph for. */
    private final BitSet covered;

    @Autowired
    ArchiveFont(@Value("${app.archive.font:}") String configured) {
        this(configured.isBlank() ? "classpath:" + BUNDLED : configured, () -> configured.isBlank()
                ? ArchiveFont.class.getClassLoader().getResourceAsStream(BUNDLED)
                : Files.newInputStream(Path.of(configured)));
    }

    ArchiveFont(String source, FontStream stream) {
        this.source = source;
        byte[] read = null;
        BitSet characters = new BitSet();
        long started = System.nanoTime();
        try (InputStream in = stream.open()) {
            if (in == null) {
                throw new NoSuchFileException(source);
            }
            read = in.readAllBytes();
            try (TrueTypeFont font = parse(read)) {
                characters = characters(font);
                log.info("Archive font {} ({}, {} characters) read in {} ms", font.getName(), source,
                        characters.cardinality(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The archive font {} cannot be used ({}); archiving will be refused", source,
                    e instanceof NoSuchFileException ? "no such file" : e.getMessage());
            read = null;
            characters = new BitSet();
        }
        this.bytes = read;
        this.covered = characters;
    }

    /** Where the font was read from: {@code classpath:...} or the configured file. */
    public String source() {
        return source;
    }

    public boolean available() {
        return bytes != null;
    }

    /** The font parsed once, on first use, and kept: dossiers are built one at a time, each reusing it. */
    private TrueTypeFont parsed;

    /**
     * The parsed font, shared by every dossier: parsing it again for each one cost tens of milliseconds and some
     * 37 MB of garbage per dossier. fontbox reads a font's tables lazily from one stream, so the caller must hold the
     * builder's lock (one dossier at a time) while it uses it.
     */
    synchronized TrueTypeFont parsed() throws IOException {
        if (bytes == null) {
            throw new IOException("No usable archive font: " + source);
        }
        if (parsed == null) {
            parsed = parse(bytes);
        }
        return parsed;
    }

    /** The characters of the text the font cannot draw, each once, in order. */
    public Set<Integer> missing(String text) {
        Set<Integer> missing = new LinkedHashSet<>();
        if (bytes == null || text == null) {
            return missing;
        }
        text.codePoints().filter(cp -> !Character.isISOControl(cp) && !Character.isWhitespace(cp))
                .filter(cp -> !covered.get(cp)).forEach(missing::add);
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

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        // fontbox refuses CFF outlines here: PDF/A needs a font it can embed as TrueType
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    /** Every character with a glyph; refuses a font that may not be embedded, which PDF/A requires. */
    private static BitSet characters(TrueTypeFont font) throws IOException {
        OS2WindowsMetricsTable os2 = font.getOS2Windows();
        if (os2 != null && ((os2.getFsType() & OS2WindowsMetricsTable.FSTYPE_RESTRICTED) != 0
                || (os2.getFsType() & OS2WindowsMetricsTable.FSTYPE_BITMAP_ONLY) != 0)) {
            throw new IOException("its licence does not permit embedding (OS/2 fsType " + os2.getFsType() + ")");
        }
        CmapLookup cmap = font.getUnicodeCmapLookup(); // throws when the font has no Unicode character map
        BitSet characters = new BitSet(Character.MAX_CODE_POINT + 1);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cmap.getGlyphId(cp) != 0) {
                characters.set(cp);
            }
        }
        return characters;
    }

    /** Opens the font's bytes; null when there are none. */
    @FunctionalInterface
    interface FontStream {
        InputStream open() throws IOException;
    }
}
