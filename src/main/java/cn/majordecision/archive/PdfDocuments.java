package cn.majordecision.archive;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Writes a titled list of labelled paragraphs as a PDF/A-2u document: the Chinese font embedded (as a subset), the
 * text in Unicode so it can be searched and copied, XMP metadata declaring PDF/A-2 level U, and an sRGB output intent.
 */
final class PdfDocuments {

    /** One labelled paragraph of a document. */
    record Line(String label, String text) {
    }

    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 15;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 16;

    private PdfDocuments() {
    }

    /** The font stays open after the document is written, for the next document of the same dossier. */
    static byte[] write(TrueTypeFont ttf, String title, List<Line> lines, Calendar created) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, ttf, true);
            Writer writer = new Writer(document, font);
            writer.paragraph(title, TITLE_SIZE);
            writer.gap();
            for (Line line : lines) {
                if (line.label() != null) {
                    writer.paragraph("【" + line.label() + "】", SIZE);
                }
                writer.paragraph(line.text() == null || line.text().isBlank() ? "（空）" : line.text(), SIZE);
                writer.gap();
            }
            writer.close();
            pdfA(document, title, created);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pdfA(PDDocument document, String title, Calendar created) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfaid = xmp.createAndAddPDFAIdentificationSchema();
            pdfaid.setPart(2);
            pdfaid.setConformance("U");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(created);
            basic.setCreatorTool("major-decision");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(bytes.toByteArray());
            catalog.setMetadata(metadata);
        } catch (Exception e) {
            throw new IOException("XMP metadata could not be written", e);
        }
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreationDate(created);
        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        catalog.setLanguage("zh-CN");
    }

    static Calendar calendar(java.time.Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /** Lays text out line by line, wrapping at the page width and starting new pages as needed. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void paragraph(String text, float size) throws IOException {
            for (String raw : text.split("\\R", -1)) {
                for (String line : wrap(raw, size)) {
                    if (y < MARGIN) {
                        newPage();
                    }
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(MARGIN, y);
                    stream.showText(line);
                    stream.endText();
                    y -= size > SIZE ? LEADING * 1.5f : LEADING;
                }
            }
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            stream.close();
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
                if (font.getStringWidth(current + ch) / 1000 * size > width && current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.append(ch);
                i += Character.charCount(cp);
            }
            lines.add(current.toString());
            return lines;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }
}
