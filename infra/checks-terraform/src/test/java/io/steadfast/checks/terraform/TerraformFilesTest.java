package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every Terraform file parses, and the layout is the one docs/deploy.md describes. */
class TerraformFilesTest {

    private static final Terraform TF = Terraform.load();

    @Test
    void everyTerraformFileOfTheTreeParsed() throws IOException {
        List<String> onDisk;
        try (Stream<Path> walk = Files.walk(TF.terraformDir())) {
            onDisk = walk.filter(Files::isRegularFile)
                    .map(p -> TF.terraformDir().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.contains(".terraform/"))
                    .filter(p -> p.endsWith(".tf") || p.endsWith(".tfvars.example"))
                    .sorted()
                    .toList();
        }
        assertThat(onDisk).hasSizeGreaterThan(40);
        // the parse step fails the build on the first file that does not parse; here: none was left out
        assertThat(TF.files()).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(TF.files()).allSatisfy(f -> assertThat(TF.json(f)).as(f).isNotNull());
    }

    @Test
    void theModulesAndRootsAreThere() {
        for (String module : Terraform.MODULES) {
            assertThat(TF.files()).as("module " + module).contains("modules/" + module + "/main.tf");
            assertThat(TF.files()).contains("modules/" + module + "/variables.tf", "modules/" + module + "/outputs.tf");
        }
        for (String root : List.of("bootstrap", "envs/staging", "envs/production")) {
            assertThat(TF.files()).as(root).contains(root + "/main.tf", root + "/terraform.tfvars.example");
        }
    }

    @Test
    void everyVariableAndOutputSaysWhatItIsOrIsObvious() {
        // a variable of a root is what an operator sets: it must say what it is
        for (Terraform.Block v : TF.untyped("variable")) {
            if (v.dir().startsWith("envs/") && !v.name().equals("aws_region")) {
                assertThat(v.get("description").asText("")).as(v.toString()).isNotBlank();
            }
            assertThat(v.get("type").isMissingNode()).as(v + " has a type").isFalse();
        }
    }
}
