//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Facts/HubCache.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace licit {
namespace {

constexpr StringRef Commit = "0123456789abcdef0123456789abcdef01234567";

class HubCacheTest : public ::testing::Test {
protected:
  HubCacheTest() : FS(new vfs::InMemoryFileSystem), Cache(*FS, "/hub") {}

  void addFile(StringRef Path, StringRef Text) {
    FS->addFile(Path, 0, MemoryBuffer::getMemBufferCopy(Text));
  }
  /// A repository whose refs/main points at Commit, with \p Name in its
  /// snapshot.
  void addSnapshotFile(StringRef Repo, StringRef Name, StringRef Text) {
    std::string Dir = ("/hub/models--" + Repo + "/").str();
    addFile(Dir + "refs/main", Commit);
    addFile(Dir + "snapshots/" + Commit.str() + "/" + Name.str(), Text);
  }

  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS;
  HubCache Cache;
  SourceFiles Files;
};

TEST_F(HubCacheTest, CardThroughTheBranchRef) {
  addSnapshotFile("acme--bot", "README.md",
                  "---\nlicense: other\nlicense_name: Acme-Licence\n"
                  "base_model:\n- meta-llama/Llama-3.1-8B\n- Qwen/Qwen3-8B\n"
                  "base_model_relation: merge\n---\n# Bot\n");
  const ModelCard *Card = Cache.card("acme/bot", "", Files);
  ASSERT_TRUE(Card);
  EXPECT_EQ(Card->Licence, "acme-licence");
  ASSERT_EQ(Card->BaseModels.size(), 2u);
  EXPECT_EQ(Card->BaseModels[1].ID, "Qwen/Qwen3-8B");
  EXPECT_EQ(Card->Relation, "merge");
  EXPECT_FALSE(Card->FromAdapterConfig);
  // Read once: the second lookup is the same card.
  EXPECT_EQ(Cache.card("acme/bot", "", Files), Card);
}

TEST_F(HubCacheTest, AdapterConfigNamesTheBaseACardDoesNot) {
  addSnapshotFile("acme--lora", "README.md",
                  "---\nlicense: mit\nlibrary_name: peft\n---\n");
  addSnapshotFile("acme--lora", "adapter_config.json",
                  "{\"base_model_name_or_path\": \"meta-llama/Llama-3.2-1B\","
                  " \"peft_type\": \"LORA\"}");
  const ModelCard *Card = Cache.card("acme/lora", "", Files);
  ASSERT_TRUE(Card);
  EXPECT_EQ(Card->Licence, "mit");
  ASSERT_EQ(Card->BaseModels.size(), 1u);
  EXPECT_EQ(Card->BaseModels[0].ID, "meta-llama/Llama-3.2-1B");
  EXPECT_TRUE(Card->BaseModels[0].InAdapterConfig);
  EXPECT_EQ(Card->Relation, "adapter");
  // The link points into the adapter config, at the value.
  const SourceFile &Config = Files.get(Card->BaseModels[0].At.File);
  EXPECT_TRUE(StringRef(Config.AbsPath).endswith("adapter_config.json"));
  EXPECT_EQ(Config.text().substr(Card->BaseModels[0].At.Begin, 25),
            "\"meta-llama/Llama-3.2-1B\"");
}

TEST_F(HubCacheTest, AdapterConfigAloneIsACard) {
  addSnapshotFile("acme--lora2", "adapter_config.json",
                  "{\"base_model_name_or_path\": \"meta-llama/Llama-3.2-1B\"}");
  const ModelCard *Card = Cache.card("acme/lora2", "", Files);
  ASSERT_TRUE(Card);
  EXPECT_TRUE(Card->Licence.empty());
  EXPECT_TRUE(Card->FromAdapterConfig);
}

TEST_F(HubCacheTest, LocalBasesAndBrokenConfigsNameNothing) {
  addSnapshotFile("acme--a", "adapter_config.json",
                  "{\"base_model_name_or_path\": \"/data/base\"}");
  addSnapshotFile("acme--b", "adapter_config.json", "{\"base_model_name_or_");
  addSnapshotFile("acme--c", "adapter_config.json", "[1, 2]");
  for (StringRef ID : {"acme/a", "acme/b", "acme/c"})
    EXPECT_FALSE(Cache.card(ID, "", Files)) << ID.str();
}

TEST_F(HubCacheTest, RevisionsAndHostileIds) {
  addSnapshotFile("acme--bot", "README.md", "---\nlicense: mit\n---\n");
  // A commit as given; a branch without a ref; a ref that is not a commit.
  EXPECT_TRUE(Cache.card("acme/bot", Commit, Files));
  EXPECT_FALSE(Cache.card("acme/bot", "dev", Files));
  addFile("/hub/models--acme--bot/refs/bad", "../../../etc\n");
  EXPECT_FALSE(Cache.card("acme/bot", "bad", Files));
  // Ids that would leave the cache.
  for (StringRef ID : {"../x", "acme/..", "./bot", "acme/bot/extra", "acme"}) {
    EXPECT_FALSE(Cache.card(ID, "", Files)) << ID.str();
    EXPECT_FALSE(Cache.card(ID, Commit, Files)) << ID.str();
  }
  // Revisions that would leave refs/.
  addFile("/hub/models--acme--bot/main", Commit);
  EXPECT_FALSE(Cache.commit("acme/bot", "../main"));
  EXPECT_EQ(Cache.commit("acme/bot", "").getValueOr(""), Commit);
}

TEST_F(HubCacheTest, OversizedCardIsNotRead) {
  std::string Big = "---\nlicense: mit\n---\n" + std::string(2 << 20, 'x');
  addSnapshotFile("acme--big", "README.md", Big);
  EXPECT_FALSE(Cache.card("acme/big", "", Files));
}

TEST_F(HubCacheTest, ShipsCodeReadsAutoMap) {
  addSnapshotFile("acme--arch", "config.json",
                  "{\"auto_map\": {\"AutoModel\": \"modeling.M\"}}");
  addSnapshotFile("acme--plain", "config.json", "{\"model_type\": \"llama\"}");
  EXPECT_TRUE(Cache.shipsCode("acme/arch", ""));
  EXPECT_FALSE(Cache.shipsCode("acme/plain", ""));
  EXPECT_FALSE(Cache.shipsCode("acme/missing", ""));
}

} // namespace
} // namespace licit
