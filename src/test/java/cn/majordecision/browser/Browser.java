package cn.majordecision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, the one the operating system's packages installed ({@code chromium} and
 * {@code chromedriver} on the PATH, or {@code -Dbrowser.binary} / {@code -Dbrowser.driver}); never a downloaded one.
 * Every page it opens is checked for console errors when the test asks.
 * <p>
 * Screenshots go to {@code target/screenshots}; with {@code -Dscreenshots.update=true} also to the user guide's
 * images under {@code docs/user-guide/images}.
 */
public final class Browser implements AutoCloseable {

    /** A 1366x768 office screen. */
    public static final Dimension OFFICE = new Dimension(1366, 768);
    /** A phone held upright. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("browser.binary", "chromium", "chromium-browser"));
        // the machines have no outbound network: without these flags Chromium keeps dialling Google's services
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + OFFICE.width + "," + OFFICE.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("browser.driver", "chromedriver")))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(OFFICE);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static String executable(String property, String... names) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                File candidate = new File(dir, name);
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        throw new IllegalStateException("No " + names[0] + " on the PATH: install the OS packages chromium and "
                + "chromium-driver (.ci/run does), or set -D" + property);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application and waits for the page to be loaded. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the login form as one of the demo users (password {@code demo}) and lands on the workspace. */
    public Browser signIn(String user) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("/app"));
        return this;
    }

    /** Signs out with the button in the navigation bar. */
    public Browser signOut() {
        driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        waitFor(ExpectedConditions.urlContains("/login"));
        return this;
    }

    public WebElement find(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Types into a field, replacing what was there. */
    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks an element, scrolled to the middle of the screen at once (Bootstrap scrolls smoothly, clicks would miss). */
    public Browser click(String css) {
        WebElement element = waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        return this;
    }

    /** Waits until the page shows this text somewhere (Chinese by default). */
    public Browser waitForText(String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    public Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** The console errors logged since the last call (page scripts failing, resources refused by the CSP, 404s). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // a refused request (a 4xx the page shows to the person) is not a page error
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }

    public Browser assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("console errors on " + driver.getCurrentUrl()).isEmpty();
        return this;
    }

    /** Saves a screenshot of the visible page as {@code name}.png. */
    public Browser screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = Files.write(dir.resolve(name + ".png"), png);
            if (Boolean.getBoolean("screenshots.update")) {
                Path guide = Files.createDirectories(Path.of("docs", "user-guide", "images"));
                Files.copy(file, guide.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile does no harm
        }
    }
}
