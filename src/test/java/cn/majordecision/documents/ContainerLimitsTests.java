package cn.majordecision.documents;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.shared.DomainException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An office file unpacks within the limits before it is accepted. */
class ContainerLimitsTests {

    @TempDir
    Path dir;

    @Test
    void anOrdinaryWordFilePasses() throws IOException {
        Path file = write("ok.docx", zip -> {
            entry(zip, "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
            entry(zip, "word/document.xml", "<w:document>决策草案</w:document>".repeat(2000).getBytes(StandardCharsets.UTF_8));
        });
        assertThatCode(() -> ContainerLimits.check(file)).doesNotThrowAnyException();
    }

    @Test
    void manyPartsThatEachPackNormallyButUnpackBeyondTheLimitInAllAreRefused() throws IOException {
        // 110 parts of 1 MB of random bytes: no part packs suspiciously, together they pass 100 MB
        byte[] noise = new byte[1024 * 1024];
        new Random(7).nextBytes(noise);
        Path file = write("big.docx", zip -> {
            entry(zip, "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 110; i++) {
                entry(zip, "word/media/image" + i + ".bin", noise);
            }
        });
        assertRefused(file, "FILE_ARCHIVE_TOO_LARGE");
    }

    @Test
    void onePartThatPacksAThousandfoldIsRefused() throws IOException {
        Path file = write("bomb.docx", zip -> entry(zip, "word/document.xml", new byte[20 * 1024 * 1024]));
        assertRefused(file, "FILE_ARCHIVE_TOO_LARGE");
    }

    @Test
    void tooManyPartsAreRefused() throws IOException {
        Path file = write("many.xlsx", zip -> {
            for (int i = 0; i <= ContainerLimits.MAX_ENTRIES; i++) {
                entry(zip, "xl/p" + i + ".xml", new byte[] {'<', '/', '>'});
            }
        });
        assertRefused(file, "FILE_ARCHIVE_TOO_MANY_ENTRIES");
    }

    @Test
    void anArchiveInsideIsRefusedByItsNameOrByItsBytes() throws IOException {
        Path named = write("named.docx", zip -> entry(zip, "word/embeddings/inner.zip", new byte[] {1, 2, 3}));
        assertRefused(named, "FILE_ARCHIVE_NESTED");
        Path disguised = write("disguised.docx", zip -> entry(zip, "word/media/image1.png",
                new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}));
        assertRefused(disguised, "FILE_ARCHIVE_NESTED");
    }

    private static void assertRefused(Path file, String code) {
        assertThatThrownBy(() -> ContainerLimits.check(file)).isInstanceOfSatisfying(DomainException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }

    interface Entries {
        void write(ZipOutputStream zip) throws IOException;
    }

    private Path write(String name, Entries entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entries.write(zip);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
