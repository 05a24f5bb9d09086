package cn.majordecision.cases;

import java.util.List;

/**
 * Where a case has been in its main process: activity ids finished ({@code taken}) and open now ({@code current}). A
 * running sub-process shows as its call activity being current.
 */
public record ProcessPath(List<String> taken, List<String> current) {
}
