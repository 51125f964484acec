package io.mmsdk.cms.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Runs the generator inside javac: reads the model named by the {@code cms.model} option and the
 * overlay named by {@code cms.overlay}, and writes the typed sources in the first round. A model
 * error fails the compilation with its message.
 */
public final class ModelProcessor extends AbstractProcessor {
  private boolean done;

  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public ModelProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of("cms.model", "cms.overlay");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    String model = processingEnv.getOptions().get("cms.model");
    if (done || model == null) {
      return false;
    }
    done = true;
    long started = System.nanoTime();
    try {
      ApiModel api = ApiModel.read(read(model), read(processingEnv.getOptions().get("cms.overlay")));
      Map<String, String> sources = new JavaGenerator(api).generate();
      long lines = 0;
      for (Map.Entry<String, String> source : sources.entrySet()) {
        try (Writer out = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
          out.write(source.getValue());
        }
        lines += source.getValue().lines().count();
      }
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "cms-api-generator: " + sources.size()
          + " sources, " + lines + " lines in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cms-api-generator: " + e);
    }
    return false;
  }

  private static String read(String file) {
    if (file == null) {
      throw new IllegalArgumentException("the cms.overlay option is missing");
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
