package cn.majordecision.archive;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive font comes with the application; another TrueType file can be configured instead. */
class ArchiveFontTests {

    @TempDir
    Path dir;

    @Test
    void withoutASettingTheFontThatComesWithTheApplicationIsUsed() {
        // when
        ArchiveFont font = new ArchiveFont("");

        // then
        assertThat(font.available()).isTrue();
        assertThat(font.source()).isEqualTo("classpath:" + ArchiveFont.BUNDLED);
        assertThat(font.missing("重大行政决策归档材料：王芳、赵磊、张伟、何芳、许诺（第三十三条）【会议纪要】")).isEmpty();
    }

    @Test
    void theBundledFontLacksTheExtensionBCharacterOfADemoExpertsName() {
        // the demo expert 𠮷祥 is there on purpose: a name outside the basic plane. Noto Sans SC has no glyph for
        // U+20BB7, so a case he took part in is refused at archiving (CHARACTER_NOT_IN_FONT) unless app.archive.font
        // names a font that has it; the character is never dropped or drawn as an empty box
        ArchiveFont font = new ArchiveFont("");

        assertThat(font.missing("𠮷祥")).containsExactly(0x20BB7);
        assertThat(ArchiveFont.describeAll(font.missing("𠮷祥"))).containsExactly("U+20BB7 “𠮷”");
    }

    @Test
    void aConfiguredFontFileIsUsedInstead() throws Exception {
        // given
        Path file = dir.resolve("font.ttf");
        try (InputStream in = ArchiveFont.class.getClassLoader().getResourceAsStream(ArchiveFont.BUNDLED)) {
            Files.copy(in, file);
        }

        // when
        ArchiveFont font = new ArchiveFont(file.toString());

        // then
        assertThat(font.available()).isTrue();
        assertThat(font.source()).isEqualTo(file.toString());
    }

    @Test
    void aConfiguredFileThatIsNotATrueTypeFontLeavesArchivingRefusedNamingTheSetting() throws Exception {
        // given
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "不是字体", StandardCharsets.UTF_8);
        ArchiveFont font = new ArchiveFont(notAFont.toString());
        ArchiveFont absent = new ArchiveFont(dir.resolve("no-such-font.ttf").toString());
        Dossiers dossiers = new Dossiers(null, font, null, Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC), null);
        List<FieldViolation> violations = new ArrayList<>();

        // when
        dossiers.checkRenderable(null, Map.of(), violations);

        // then
        assertThat(font.available()).isFalse();
        assertThat(absent.available()).isFalse();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("ARCHIVE_FONT_MISSING");
            assertThat(v.message()).contains("app.archive.font", "Noto Sans SC");
        });
    }

    @Test
    void aDocumentEmbedsASubsetOfTheFontAndClaimsPdfA2u() throws Exception {
        // given
        ArchiveFont font = new ArchiveFont("");
        List<PdfDocuments.Line> lines = List.of(new PdfDocuments.Line("会议决定", "原则通过，按意见修改后印发。"),
                new PdfDocuments.Line("出席人员", "郑红、冯磊、张伟"));

        // when
        byte[] first;
        byte[] second;
        TrueTypeFont ttf = font.parsed();
        first = PdfDocuments.write(ttf, "集体讨论决定", lines, PdfDocuments.calendar(Instant.parse("2026-12-01T02:00:00Z")));
        second = PdfDocuments.write(ttf, "第二份文件", List.of(), PdfDocuments.calendar(Instant.parse("2026-12-02T02:00:00Z")));
        assertThat(font.parsed()).as("parsed once and kept").isSameAs(ttf);

        // then the font is embedded as a subset (small, named with a subset tag) and the text can be searched
        for (byte[] pdf : List.of(first, second)) {
            assertThat(pdf.length).as("a subset, not the whole 10 MB font").isLessThan(200_000);
        }
        try (PDDocument pdf = Loader.loadPDF(first)) {
            PDResources resources = pdf.getPage(0).getResources();
            PDFont embedded = resources.getFont(resources.getFontNames().iterator().next());
            assertThat(embedded).isInstanceOf(PDType0Font.class);
            assertThat(embedded.isEmbedded()).isTrue();
            assertThat(embedded.getName()).matches("[A-Z]{6}\\+NotoSansSC-Regular");
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>");
            assertThat(new PDFTextStripper().getText(pdf)).contains("集体讨论决定", "原则通过", "郑红、冯磊、张伟");
        }
    }
}
