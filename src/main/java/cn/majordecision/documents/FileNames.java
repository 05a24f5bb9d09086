package cn.majordecision.documents;

import java.util.Locale;

/**
 * The name a file is stored and offered under: the last part of what the browser sent, without directories, control or
 * direction-changing characters, and without characters Windows refuses in a name. Other characters stay, also those
 * outside the basic plane (𠮷).
 */
final class FileNames {

    static final String UNNAMED = "未命名文件";
    private static final int MAX_CODE_POINTS = 200;

    private FileNames() {
    }

    static String sanitise(String submitted) {
        String name = submitted == null ? "" : submitted;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            clean.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
        });
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1).strip();
        }
        if (result.codePointCount(0, result.length()) > MAX_CODE_POINTS) {
            String extension = extension(result);
            int keep = MAX_CODE_POINTS - (extension.isEmpty() ? 0 : extension.length() + 1);
            result = result.substring(0, result.offsetByCodePoints(0, keep)) + (extension.isEmpty() ? "" : "." + extension);
        }
        return result.isEmpty() ? UNNAMED : result;
    }

    /** The extension in lower case, or empty when the name has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
