package cn.majordecision.documents;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * The file types a case may hold, told from the bytes: magic numbers (Apache Tika, no parsers), the entries of an
 * office zip container, and a strict UTF-8 check for plain text. The file name never decides the type.
 */
final class DocumentTypes {

    /** An accepted type, the extensions a file of it may carry, and its name for people. */
    record Type(String mediaType, Set<String> extensions, String label) {
    }

    static final Type PDF = new Type("application/pdf", Set.of("pdf"), "PDF");
    static final Type DOCX = new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Set.of("docx"), "Word 文档（docx）");
    static final Type XLSX = new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Set.of("xlsx"), "Excel 表格（xlsx）");
    static final Type ODT = new Type("application/vnd.oasis.opendocument.text", Set.of("odt"), "ODF 文本（odt）");
    static final Type JPEG = new Type("image/jpeg", Set.of("jpg", "jpeg"), "JPEG 图片");
    static final Type PNG = new Type("image/png", Set.of("png"), "PNG 图片");
    static final Type TEXT = new Type("text/plain;charset=UTF-8", Set.of("txt", "text", "csv"), "UTF-8 纯文本");
    static final List<Type> ALL = List.of(PDF, DOCX, XLSX, ODT, JPEG, PNG, TEXT);
    static final String ACCEPTED = "PDF、Word（docx）、Excel（xlsx）、ODF 文本（odt）、JPEG、PNG 图片和 UTF-8 纯文本（txt）";

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private DocumentTypes() {
    }

    /** The accepted type of the file's bytes, or empty when it is none of them. */
    static Optional<Type> detect(Path file) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            detected = MAGIC.detect(in, new Metadata()).getBaseType().toString();
        }
        switch (detected) {
            case "application/pdf":
                return Optional.of(PDF);
            case "image/jpeg":
                return Optional.of(JPEG);
            case "image/png":
                return Optional.of(PNG);
            case "text/plain":
                return isUtf8Text(file) ? Optional.of(TEXT) : Optional.empty();
            default:
                return isZip(detected) ? officeContainer(file) : Optional.empty();
        }
    }

    private static boolean isZip(String detected) {
        return detected.equals("application/zip") || detected.equals("application/x-tika-ooxml")
                || detected.startsWith("application/vnd.openxmlformats-officedocument.")
                || detected.startsWith("application/vnd.oasis.opendocument.");
    }

    /** Word and Excel (OOXML) and ODF text are zip files; what they hold tells them apart, from the central directory. */
    private static Optional<Type> officeContainer(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        String odfType = null;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements() && names.size() < MAX_ZIP_ENTRIES) {
                ZipEntry entry = entries.nextElement();
                names.add(entry.getName());
                if (entry.getName().equals("mimetype") && entry.getSize() >= 0 && entry.getSize() < 200) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        odfType = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                    }
                }
            }
        } catch (java.util.zip.ZipException notAZip) {
            return Optional.empty();
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.contains("word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (names.contains("xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
            return Optional.empty();
        }
        return ODT.mediaType().equals(odfType) && names.contains("content.xml") ? Optional.of(ODT) : Optional.empty();
    }

    /** Valid UTF-8 throughout, and no control characters other than tab, line breaks and form feed. */
    private static boolean isUtf8Text(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[32 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                bytes.put(buffer, 0, read).flip();
                if (decoder.decode(bytes, chars, false).isError() || hasControl(chars.flip())) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError() || bytes.hasRemaining()) {
                return false;
            }
            return !hasControl(chars.flip());
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasControl(CharBuffer chars) {
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return true;
            }
        }
        return false;
    }
}
