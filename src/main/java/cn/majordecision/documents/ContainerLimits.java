package cn.majordecision.documents;

import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Word, Excel and ODF files are zip archives, and a zip can unpack to far more than it weighs (a "zip bomb": a few
 * hundred kilobytes that unpack to gigabytes and exhaust whoever opens it: the diff, the dossier, the reviewer's
 * computer). Before such a file is accepted, every entry is inflated once here, counting the bytes that really come
 * out (the sizes an entry declares are not trusted), and the archive is refused when it unpacks to more than the
 * limit in all, when an entry unpacks to far more than it weighs, when it holds too many entries, or when it holds
 * another archive (which this check would have to open in turn).
 */
final class ContainerLimits {

    /** Unpacked bytes of all entries together. */
    static final long MAX_UNPACKED = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** Unpacked to packed; office XML packs 5 to 20 times, a bomb a thousand times. */
    static final int MAX_RATIO = 100;
    /** Below this an entry's ratio does not matter (a small, very regular XML part packs well). */
    private static final long RATIO_FLOOR = 1024 * 1024;
    private static final Set<String> ARCHIVE_SUFFIXES = Set.of("zip", "jar", "docx", "docm", "xlsx", "xlsm", "pptx",
            "odt", "ods", "odp", "7z", "rar", "gz", "tgz", "bz2", "xz", "tar", "cab");

    private ContainerLimits() {
    }

    /** Refuses the zip-based file with a 400 problem naming the field {@code file} when it breaks a limit. */
    static void check(Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw refused("FILE_ARCHIVE_TOO_MANY_ENTRIES", "文件内部包含的部件过多（超过 " + MAX_ENTRIES
                            + " 个），可能是恶意构造的压缩文件，已拒收。请另存为新文件后重新上传。");
                }
                if (isArchiveName(entry.getName())) {
                    throw nested();
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long unpacked = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    boolean first = true;
                    while ((read = in.read(buffer)) > 0) {
                        if (first && read >= 4 && isArchiveMagic(buffer)) {
                            throw nested();
                        }
                        first = false;
                        unpacked += read;
                        total += read;
                        if (total > MAX_UNPACKED) {
                            throw tooLarge();
                        }
                        long packed = Math.max(entry.getCompressedSize(), 1);
                        if (unpacked > RATIO_FLOOR && unpacked / packed > MAX_RATIO) {
                            throw tooLarge();
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException broken) {
            throw refused("FILE_ARCHIVE_BROKEN", "文件已损坏，无法读取其内容。请重新导出后上传。");
        }
    }

    private static boolean isArchiveName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && ARCHIVE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** zip (PK\3\4), gzip, 7z, rar: the first bytes of an archive, whatever the entry is called. */
    private static boolean isArchiveMagic(byte[] b) {
        return (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4)
                || (b[0] == (byte) 0x1f && b[1] == (byte) 0x8b)
                || (b[0] == '7' && b[1] == 'z' && b[2] == (byte) 0xbc && b[3] == (byte) 0xaf)
                || (b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!');
    }

    private static DomainException tooLarge() {
        return refused("FILE_ARCHIVE_TOO_LARGE", "文件解压后的内容过大（上限 " + MAX_UNPACKED / 1024 / 1024
                + " MB，或压缩比异常），可能是恶意构造的压缩文件，已拒收。如确为正常文件，请删减其中的图片或数据后重新上传。");
    }

    private static DomainException nested() {
        return refused("FILE_ARCHIVE_NESTED", "文件中嵌有压缩包或其他 Office 文件（嵌入对象），系统无法逐层检查，已拒收。"
                + "请删除嵌入的对象（可改为单独上传）后重新上传。");
    }

    private static DomainException refused(String code, String message) {
        return new DomainException(DomainException.Kind.INVALID, code, message,
                List.of(new FieldViolation("file", code, message)));
    }
}
