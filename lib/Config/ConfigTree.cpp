//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//

#include "licit/Config/ConfigTree.h"
#include "licit/Basic/Lines.h"
#include "licit/Formats/Json.h"
#include "licit/Formats/Toml.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;

namespace licit::config {

const Node *Node::scalar(StringRef Key) const {
  for (const Entry &E : Entries)
    if (E.Key == Key && E.Value.Kind == Scalar)
      return &E.Value;
  return nullptr;
}

/// LLVM's YAML parser recurses once per level of nesting, flow ("[[[") or
/// block ("- - - x", or one more indentation per line): bounded before
/// parsing, so that a hostile file cannot overflow the stack.
constexpr unsigned MaxFlowDepth = 128;
constexpr unsigned MaxBlockDepth = 512;

/// \returns the first line whose block nesting (indentation levels open,
/// plus compact "- " and "? " indicators leading the line) exceeds
/// MaxBlockDepth, or npos.
static size_t tooDeepBlocks(StringRef Text) {
  std::vector<size_t> Indents;
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Line = Text.slice(I, Eol);
    size_t Indent = Line.find_first_not_of(' ');
    if (Indent != StringRef::npos && Line[Indent] != '#') {
      while (!Indents.empty() && Indents.back() >= Indent)
        Indents.pop_back();
      Indents.push_back(Indent);
      size_t Depth = Indents.size();
      for (StringRef Rest = Line.drop_front(Indent);
           Rest.startswith("- ") || Rest.startswith("? ");
           Rest = Rest.drop_front(2).ltrim(' '))
        ++Depth;
      if (Depth > MaxBlockDepth)
        return I + Indent;
    }
    I = Eol + 1;
  }
  return StringRef::npos;
}

/// \returns the first bracket nested deeper than MaxFlowDepth, outside
/// quotes and comments, or npos.
static size_t tooDeep(StringRef Text) {
  unsigned Depth = 0;
  char Quote = 0;
  for (size_t I = 0; I != Text.size(); ++I) {
    char C = Text[I];
    if (Quote) {
      if (C == Quote)
        Quote = 0;
      else if (C == '\n' && Depth == 0)
        Quote = 0;
      continue;
    }
    if (C == '#' && (I == 0 || Text[I - 1] == ' ' || Text[I - 1] == '\n')) {
      I = std::min(Text.find('\n', I), Text.size() - 1);
    } else if ((C == '"' || C == '\'') && Depth) {
      Quote = C;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxFlowDepth)
        return I;
    } else if ((C == ']' || C == '}') && Depth) {
      --Depth;
    }
  }
  return StringRef::npos;
}

namespace {
class YamlReader {
public:
  explicit YamlReader(StringRef Text) : Text(Text) {
    SM.setDiagHandler(
        [](const SMDiagnostic &D, void *Ctx) {
          auto *Self = static_cast<YamlReader *>(Ctx);
          if (!Self->Result.Error.empty())
            return;
          Self->Result.Error = D.getMessage().str();
          const char *At = D.getLoc().getPointer();
          if (At >= Self->Text.begin() && At <= Self->Text.end())
            Self->Result.ErrorAt = StringRef(At, 0);
        },
        this);
  }

  ReadResult run() {
    for (auto [Deep, Max] :
         {std::make_pair(tooDeep(Text), MaxFlowDepth),
          std::make_pair(tooDeepBlocks(Text), MaxBlockDepth)})
      if (Deep != StringRef::npos) {
        Result.Error = "nesting deeper than " + std::to_string(Max) + " levels";
        Result.ErrorAt = Text.substr(Deep, 0);
        return std::move(Result);
      }
    yaml::Stream Stream(MemoryBufferRef(Text, "<yaml>"), SM,
                        /*ShowColors=*/false);
    for (yaml::Document &Doc : Stream) {
      yaml::Node *Root = Doc.getRoot();
      if (Root)
        Result.Documents.push_back(convert(*Root));
      if (!Result.Error.empty())
        break;
    }
    return std::move(Result);
  }

private:
  StringRef literalOf(const yaml::Node &N) const {
    SMRange R = N.getSourceRange();
    const char *B = R.Start.getPointer(), *E = R.End.getPointer();
    if (!B || !E || B < Text.begin() || E > Text.end() || E < B)
      return StringRef();
    return StringRef(B, E - B);
  }

  Node convert(yaml::Node &N) {
    Node Out;
    if (auto *S = dyn_cast<yaml::ScalarNode>(&N)) {
      SmallString<64> Storage;
      Out.Value = S->getValue(Storage).str();
      Out.Literal = S->getRawValue();
    } else if (auto *B = dyn_cast<yaml::BlockScalarNode>(&N)) {
      Out.Value = B->getValue().str();
      Out.Literal = literalOf(N);
    } else if (auto *Seq = dyn_cast<yaml::SequenceNode>(&N)) {
      Out.Kind = Node::Sequence;
      for (yaml::Node &Item : *Seq)
        Out.Items.push_back(convert(Item));
    } else if (auto *Map = dyn_cast<yaml::MappingNode>(&N)) {
      Out.Kind = Node::Mapping;
      for (yaml::KeyValueNode &KV : *Map) {
        Node::Entry E;
        yaml::Node *Key = KV.getKey();
        if (auto *K = dyn_cast_or_null<yaml::ScalarNode>(Key)) {
          SmallString<32> Storage;
          E.Key = K->getValue(Storage).str();
          E.KeyLiteral = K->getRawValue();
        }
        if (yaml::Node *V = KV.getValue())
          E.Value = convert(*V);
        Out.Entries.push_back(std::move(E));
      }
    }
    // Aliases and null nodes: an empty scalar.
    return Out;
  }

  StringRef Text;
  SourceMgr SM;
  ReadResult Result;
};
} // namespace

ReadResult readYaml(StringRef Text) { return YamlReader(Text).run(); }

ReadResult readIni(StringRef Text) {
  ReadResult Result;
  Node Root;
  Root.Kind = Node::Mapping;
  Node *Section = &Root;
  for (size_t I = 0; I < Text.size();) {
    size_t Eol = lineEnd(Text, I);
    StringRef Raw = Text.slice(I, Eol);
    StringRef Line = Raw.trim(" \t\r");
    I = Eol + 1;
    if (Line.empty() || Line.front() == ';' || Line.front() == '#')
      continue;
    // An indented line continues the value above it, as configparser
    // reads setup.cfg's "install_requires =" lists.
    if ((Raw.front() == ' ' || Raw.front() == '\t') &&
        !Section->Entries.empty()) {
      Node &V = Section->Entries.back().Value;
      V.Literal = V.Literal.empty() ? Line
                                    : StringRef(V.Literal.begin(),
                                                Line.end() - V.Literal.begin());
      V.Value += (V.Value.empty() ? "" : "\n") + Line.str();
      continue;
    }
    if (Line.front() == '[' && Line.back() == ']') {
      Node::Entry E;
      E.KeyLiteral = Line.drop_front().drop_back().trim();
      E.Key = E.KeyLiteral.str();
      E.Value.Kind = Node::Mapping;
      Root.Entries.push_back(std::move(E));
      Section = &Root.Entries.back().Value;
      continue;
    }
    size_t Sep = Line.find_first_of("=:");
    if (Sep == StringRef::npos)
      continue;
    Node::Entry E;
    E.KeyLiteral = Line.take_front(Sep).rtrim(" \t");
    E.Key = E.KeyLiteral.str();
    StringRef Value = Line.drop_front(Sep + 1).ltrim(" \t");
    // An inline comment needs whitespace before it ("x = a ; b").
    for (StringRef Marker : {" ;", " #", "\t;", "\t#"}) {
      size_t C = Value.find(Marker);
      if (C != StringRef::npos)
        Value = Value.take_front(C).rtrim(" \t");
    }
    StringRef Unquoted = Value;
    if (Unquoted.size() >= 2 &&
        (Unquoted.front() == '"' || Unquoted.front() == '\'') &&
        Unquoted.back() == Unquoted.front())
      Unquoted = Unquoted.drop_front().drop_back();
    E.Value.Value = Unquoted.str();
    E.Value.Literal = Value;
    Section->Entries.push_back(std::move(E));
  }
  Result.Documents.push_back(std::move(Root));
  return Result;
}

Node fromJson(const json::Value &V, StringRef Text) {
  Node Out;
  switch (V.Kind) {
  case json::Value::String:
    Out.Value = V.Str;
    Out.Literal = Text.slice(V.Begin, V.End);
    break;
  case json::Value::Boolean:
  case json::Value::Number:
    // As written: "true", "8"; as YAML and TOML scalars are.
    Out.Value = Text.slice(V.Begin, V.End).str();
    Out.Literal = Text.slice(V.Begin, V.End);
    break;
  case json::Value::Array:
    Out.Kind = Node::Sequence;
    for (const json::Value &Item : V.Items)
      Out.Items.push_back(fromJson(Item, Text));
    break;
  case json::Value::Object:
    Out.Kind = Node::Mapping;
    for (const auto &[Key, Member] : V.Members) {
      StringRef KeyLiteral = json::keyText(Text, Key, Member);
      Out.Entries.push_back(
          Node::Entry{Key, KeyLiteral, fromJson(Member, Text)});
    }
    break;
  default:
    break;
  }
  return Out;
}

static StringRef textAt(StringRef Text, SourceRange R) {
  if (!R.hasOffsets() || R.End > Text.size() || R.End < R.Begin)
    return StringRef();
  return Text.slice(R.Begin, R.End);
}

Node fromToml(const TomlNode &T, StringRef Text) {
  Node Out;
  switch (T.Kind) {
  case TomlNode::String:
    Out.Value = T.Str;
    Out.Literal = textAt(Text, T.Range);
    break;
  case TomlNode::Boolean:
  case TomlNode::Integer:
    Out.Literal = textAt(Text, T.Range);
    Out.Value = Out.Literal.str();
    break;
  case TomlNode::Array:
    Out.Kind = Node::Sequence;
    for (const TomlNode &Item : T.Items)
      Out.Items.push_back(fromToml(Item, Text));
    break;
  case TomlNode::Table:
    Out.Kind = Node::Mapping;
    for (const auto &[Key, Value] : T.Entries)
      Out.Entries.push_back(Node::Entry{Key, textAt(Text, Value.KeyRange),
                                        fromToml(Value, Text)});
    break;
  default:
    break;
  }
  return Out;
}

} // namespace licit::config
