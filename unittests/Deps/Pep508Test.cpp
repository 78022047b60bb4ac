//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Deps/Pep508.h"
#include "llvm/ADT/Twine.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit::pep508 {
namespace {

/// "name|extras|spec|url|marker" of \p Text, or "error at N: message".
std::string parsed(StringRef Text) {
  Requirement R;
  Error E;
  if (!parseRequirement(Text, R, E))
    return "error at " + std::to_string(E.Offset) + ": " + E.Message;
  return (Twine(R.Name) + "|" + R.Extras + "|" + R.Spec + "|" + R.Url + "|" +
          R.Marker)
      .str();
}

TEST(Pep508Test, SpecifiersAsPackagingReadsThem) {
  EXPECT_EQ(parsed("torch"), "torch||||");
  EXPECT_EQ(parsed("torch==2.1.0"), "torch||==2.1.0||");
  EXPECT_EQ(parsed("  transformers >= 4.40 , < 5  "),
            "transformers||>= 4.40 , < 5||");
  EXPECT_EQ(parsed("vllm[tensorizer]~=0.6.3"), "vllm|[tensorizer]|~=0.6.3||");
  EXPECT_EQ(parsed("accelerate (>=0.26)"), "accelerate||(>=0.26)||");
  EXPECT_EQ(parsed("numpy===1.26.4"), "numpy||===1.26.4||");
  EXPECT_EQ(parsed("bitsandbytes>=0.43; platform_system != \"Darwin\""),
            "bitsandbytes||>=0.43||platform_system != \"Darwin\"");
  EXPECT_EQ(parsed("flash-attn ; sys_platform == 'linux'"),
            "flash-attn||||sys_platform == 'linux'");
  EXPECT_EQ(parsed("torch==2.4.0+cu121"), "torch||==2.4.0+cu121||");
  EXPECT_EQ(parsed("jax[cuda12]==0.4.*"), "jax|[cuda12]|==0.4.*||");
}

TEST(Pep508Test, DirectReferences) {
  EXPECT_EQ(parsed("unsloth @ git+https://github.com/unslothai/unsloth.git"),
            "unsloth|||git+https://github.com/unslothai/unsloth.git|");
  EXPECT_EQ(parsed("git+https://github.com/org/repo@v1.0#egg=my_pkg"),
            "my_pkg|||git+https://github.com/org/repo@v1.0#egg=my_pkg|");
  EXPECT_EQ(parsed("./vendor/pkg"), "|||./vendor/pkg|");
  EXPECT_EQ(parsed("trl@git+https://github.com/huggingface/trl.git@019fc6d"),
            "trl|||git+https://github.com/huggingface/trl.git@019fc6d|");
  EXPECT_EQ(parsed("lighteval[math]@git+https://h/l.git"),
            "lighteval|[math]||git+https://h/l.git|");
  EXPECT_EQ(parsed("https://x.org/flash_attn-2.6.3-cp311-linux_x86_64.whl"),
            "|||https://x.org/flash_attn-2.6.3-cp311-linux_x86_64.whl|");
}

TEST(Pep508Test, MalformedSpecifiersAreLocated) {
  EXPECT_EQ(parsed(""), "error at 0: expected a requirement");
  EXPECT_EQ(parsed("${TORCH}"),
            "error at 0: a project name starts with a letter or digit");
  EXPECT_EQ(parsed("torch 2.1"),
            "error at 6: expected a version specifier ('>=2.1'), '@ URL' "
            "or a ';' marker");
  EXPECT_EQ(parsed("torch>="), "error at 7: expected a version");
  EXPECT_EQ(parsed("torch[cuda"), "error at 10: unclosed '[' of extras");
  EXPECT_EQ(parsed("torch>=2;"), "error at 9: expected a marker after ';'");
  EXPECT_EQ(parsed("torch (>=2"), "error at 10: expected ')'");
}

TEST(Pep508Test, NamesAndPins) {
  EXPECT_EQ(normalizeName("Sentence_Transformers"), "sentence-transformers");
  EXPECT_EQ(normalizeName("zope..interface"), "zope-interface");
  EXPECT_EQ(pinnedVersion("==2.1.0"), "2.1.0");
  EXPECT_EQ(pinnedVersion("(== 2.1)"), "2.1");
  EXPECT_EQ(pinnedVersion("===1.0"), "1.0");
  EXPECT_EQ(pinnedVersion("==2.*"), "");
  EXPECT_EQ(pinnedVersion(">=2,<3"), "");
  EXPECT_EQ(pinnedVersion("==2.1,!=2.1.1"), "");
}

/// "kind:text" for each line.
std::vector<std::string> lines(StringRef Text) {
  std::vector<std::string> Out;
  for (const Line &L : readRequirementsFile(Text)) {
    StringRef Kind[] = {"req", "include", "constraint", "option", "invalid"};
    std::string S = (Twine(Kind[L.Kind]) + ":" + L.Text).str();
    if (L.Kind == Line::Requirement)
      S += " [" + L.Req.Name.str() + " " + L.Req.Spec.str() + "]";
    if (L.Editable)
      S += " (editable)";
    if (!L.Arg.empty())
      S += " -> " + L.Arg.str();
    Out.push_back(S);
  }
  return Out;
}

TEST(Pep508Test, RequirementsFilesAsPipReadsThem) {
  std::vector<std::string> Expected = {
      "option:--index-url https://download.pytorch.org/whl/cu121",
      "req:torch==2.4.0 [torch ==2.4.0]",
      "req:transformers>=4.44 [transformers >=4.44]",
      "include:-r base.txt -> base.txt",
      "include:-rdev.txt -> dev.txt",
      "include:--requirement=ci.txt -> ci.txt",
      "constraint:-c constraints.txt -> constraints.txt",
      "req:-e ./libs/core [ ] (editable)",
      "req:-e git+https://github.com/org/x#egg=x [x ] (editable)",
      "req:peft==0.12.0 [peft ==0.12.0]",
      "req:numpy >= 1.26,\\\n    < 2 [numpy >= 1.26,\\\n    < 2]",
      "invalid:torch 2.1",
  };
  EXPECT_EQ(lines("# pinned for CUDA 12.1\n"
                  "--index-url https://download.pytorch.org/whl/cu121\n"
                  "\n"
                  "torch==2.4.0  # keep in step with the driver\n"
                  "transformers>=4.44\n"
                  "-r base.txt\n"
                  "-rdev.txt\n"
                  "--requirement=ci.txt\n"
                  "-c constraints.txt\n"
                  "-e ./libs/core\n"
                  "-e git+https://github.com/org/x#egg=x\n"
                  "peft==0.12.0 \\\n"
                  "    --hash=sha256:aaaa \\\n"
                  "    --hash=sha256:bbbb\n"
                  "numpy >= 1.26,\\\n"
                  "    < 2\n"
                  "torch 2.1\r\n"),
            Expected);
}

TEST(Pep508Test, CommentsAndContinuationsAtTheEdges) {
  // A '#' inside a URL is not a comment; a comment line ending in '\' does
  // not continue; a file ending in '\' ends.
  EXPECT_EQ(lines("x @ https://h/x.whl#sha256=00\n# note \\\ny==1\nz \\"),
            (std::vector<std::string>{"req:x @ https://h/x.whl#sha256=00 [x ]",
                                      "req:y==1 [y ==1]", "req:z [z ]"}));
}

} // namespace
} // namespace licit::pep508
