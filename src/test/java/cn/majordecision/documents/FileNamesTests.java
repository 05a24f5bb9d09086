package cn.majordecision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void keepsOnlyTheLastPartOfAPath() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\王芳\\听证笔录.pdf")).isEqualTo("听证笔录.pdf");
    }

    @Test
    void dropsControlAndDirectionCharactersButKeepsCharactersOutsideTheBasicPlane() {
        assertThat(FileNames.sanitise("𠮷\u0000祥\u202e意见\r\n.pdf")).isEqualTo("𠮷祥意见.pdf");
        assertThat(FileNames.sanitise("a<b>c:d|e?.txt")).isEqualTo("a_b_c_d_e_.txt");
    }

    @Test
    void anEmptyOrDotOnlyNameBecomesUnnamed() {
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.sanitise("..")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.sanitise("dir/")).isEqualTo(FileNames.UNNAMED);
    }

    @Test
    void aLongNameIsShortenedKeepingItsExtension() {
        String name = FileNames.sanitise("长".repeat(300) + ".docx");
        assertThat(name).endsWith(".docx");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(200);
    }

    @Test
    void theExtensionIsLowerCaseAndAbsentForDotFiles() {
        assertThat(FileNames.extension("现场.JPG")).isEqualTo("jpg");
        assertThat(FileNames.extension("README")).isEmpty();
        assertThat(FileNames.extension("archive.")).isEmpty();
    }
}
