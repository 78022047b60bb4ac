//===----------------------------------------------------------------------===//
//
// Part of the licit project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE for details.
//
//===----------------------------------------------------------------------===//
//
// Opcodes and argument formats as CPython's Lib/pickletools.py lists them.
// The stack holds what licit can know statically: strings (for
// STACK_GLOBAL's operands), globals (for calls), marks, and "something".
//
//===----------------------------------------------------------------------===//

#include "licit/Formats/Pickle.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"

using namespace llvm;

namespace licit::pickle {

namespace {
struct Value {
  enum KindTy : unsigned char { Other, Mark, String, Global };
  KindTy Kind = Other;
  std::string Text; // String: the text; Global: the module.
  std::string Name; // Global: the name.
};

/// Limits that keep a hostile stream's cost linear and bounded.
constexpr unsigned MaxStack = 1 << 16;
constexpr unsigned MaxNesting = 3;
constexpr unsigned MaxPickles = 8;
constexpr size_t MaxImports = 1024;

class Reader {
public:
  Reader(StringRef Bytes, uint64_t Base, unsigned Depth, ScanResult &Out)
      : Bytes(Bytes), Base(Base), Depth(Depth), Out(Out) {}

  /// Reads one pickle from \p At to its STOP. \returns false, with Error
  /// set, when it cannot.
  bool readOne(size_t &At);
  std::string Error;
  uint64_t ErrorOffset = 0;

private:
  bool fail(size_t At, const Twine &Why) {
    Error = Why.str();
    ErrorOffset = Base + At;
    return false;
  }
  Value pop() {
    if (Stack.empty())
      return Value();
    Value V = std::move(Stack.back());
    Stack.pop_back();
    return V;
  }
  /// Pops to the topmost mark, as the stack-slicing opcodes do.
  void popMark() {
    while (!Stack.empty()) {
      bool IsMark = Stack.back().Kind == Value::Mark;
      Stack.pop_back();
      if (IsMark)
        return;
    }
  }
  void push(Value V) {
    if (Stack.size() < MaxStack)
      Stack.push_back(std::move(V));
  }
  void pushOther() { push(Value()); }
  void import(std::string Module, std::string Name, StringRef Opcode,
              size_t At) {
    if (Out.Imports.size() < MaxImports)
      Out.Imports.push_back(
          {std::move(Module), std::move(Name), Opcode, Base + At});
  }
  /// A call of \p Callee: unless it is a global (already reported as an
  /// import), licit cannot say what runs.
  void call(const Value &Callee, StringRef Opcode, size_t At) {
    if (Callee.Kind != Value::Global)
      import("", "", Opcode, At);
  }
  void bytesArgument(StringRef Payload, size_t PayloadAt);

  StringRef Bytes;
  uint64_t Base;
  unsigned Depth;
  ScanResult &Out;
  std::vector<Value> Stack;
  DenseMap<uint64_t, Value> Memo;
};
} // namespace

bool looksLikePickle(StringRef Bytes) {
  return Bytes.size() >= 2 && uint8_t(Bytes[0]) == 0x80 &&
         uint8_t(Bytes[1]) >= 2 && uint8_t(Bytes[1]) <= 5;
}

void Reader::bytesArgument(StringRef Payload, size_t PayloadAt) {
  // A pickle inside a pickle: read it too, its offsets in the outer bytes.
  if (Depth < MaxNesting && looksLikePickle(Payload)) {
    ScanResult Inner;
    Reader Nested(Payload, Base + PayloadAt, Depth + 1, Inner);
    size_t At = 0;
    Nested.readOne(At);
    for (Import &I : Inner.Imports)
      if (Out.Imports.size() < MaxImports)
        Out.Imports.push_back(std::move(I));
  }
  pushOther();
}

bool Reader::readOne(size_t &At) {
  Stack.clear();
  Memo.clear();
  auto Need = [&](size_t N) { return Bytes.size() - At >= N; };
  auto Line = [&](StringRef &Text) {
    size_t Eol = Bytes.find('\n', At);
    if (Eol == StringRef::npos)
      return false;
    Text = Bytes.slice(At, Eol);
    At = Eol + 1;
    return true;
  };
  auto Le = [&](unsigned N) -> uint64_t {
    uint64_t V = 0;
    for (unsigned I = 0; I != N; ++I)
      V |= uint64_t(uint8_t(Bytes[At + I])) << (8 * I);
    At += N;
    return V;
  };
  // A length-prefixed argument: \returns false when it runs past the end.
  auto Counted = [&](unsigned LenBytes, StringRef &Payload, size_t &PayloadAt) {
    if (!Need(LenBytes))
      return false;
    uint64_t Len = Le(LenBytes);
    if (Len > Bytes.size() - At)
      return false;
    PayloadAt = At;
    Payload = Bytes.substr(At, Len);
    At += Len;
    return true;
  };
  while (At < Bytes.size()) {
    size_t OpAt = At;
    uint8_t Op = Bytes[At++];
    StringRef Text, Payload;
    size_t PayloadAt = 0;
    auto Truncated = [&] {
      return fail(OpAt, "truncated argument of opcode 0x" + utohexstr(Op));
    };
    switch (Op) {
    case '.': // STOP
      return true;
    case 0x80: // PROTO
      if (!Need(1))
        return Truncated();
      ++At;
      break;
    case 0x95: // FRAME
      if (!Need(8))
        return Truncated();
      At += 8;
      break;
    case '(': // MARK
      push({Value::Mark, "", ""});
      break;
    case '0': // POP
      pop();
      break;
    case '1': // POP_MARK
      popMark();
      break;
    case '2': // DUP
      push(Stack.empty() ? Value() : Stack.back());
      break;
    case 'N':
    case 0x88:
    case 0x89:
    case ']':
    case ')':
    case '}':
    case 0x8f:
      pushOther();
      break;
    case 'F':
    case 'I':
    case 'L': // FLOAT, INT, LONG: text lines
      if (!Line(Text))
        return Truncated();
      pushOther();
      break;
    case 'J':
    case 'G': // BININT, BINFLOAT
      if (!Need(Op == 'J' ? 4 : 8))
        return Truncated();
      At += Op == 'J' ? 4 : 8;
      pushOther();
      break;
    case 'K':
    case 'M': // BININT1, BININT2
      if (!Need(Op == 'K' ? 1 : 2))
        return Truncated();
      At += Op == 'K' ? 1 : 2;
      pushOther();
      break;
    case 0x8a:
    case 0x8b: // LONG1, LONG4
      if (!Counted(Op == 0x8a ? 1 : 4, Payload, PayloadAt))
        return Truncated();
      pushOther();
      break;
    case 'S':
    case 'V': // STRING, UNICODE (protocol 0 text)
      if (!Line(Text))
        return Truncated();
      if (Op == 'S' && Text.size() >= 2 &&
          (Text.front() == '\'' || Text.front() == '"'))
        Text = Text.drop_front().drop_back();
      push({Value::String, Text.str(), ""});
      break;
    case 'T':
    case 'X':
    case 0x8c:
    case 0x8d:
    case 'U': {
      // BINSTRING, BINUNICODE, SHORT_BINUNICODE, BINUNICODE8,
      // SHORT_BINSTRING
      unsigned LenBytes = Op == 0x8c || Op == 'U' ? 1 : Op == 0x8d ? 8 : 4;
      if (!Counted(LenBytes, Payload, PayloadAt))
        return Truncated();
      push({Value::String, Payload.str(), ""});
      break;
    }
    case 'B':
    case 'C':
    case 0x8e:
    case 0x96: {
      // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
      unsigned LenBytes = Op == 'C' ? 1 : Op == 'B' ? 4 : 8;
      if (!Counted(LenBytes, Payload, PayloadAt))
        return Truncated();
      bytesArgument(Payload, PayloadAt);
      break;
    }
    case 0x97: // NEXT_BUFFER
      pushOther();
      break;
    case 0x98: // READONLY_BUFFER
      break;
    case 'a':
    case 'b':
    case 's': // APPEND, BUILD, SETITEM
      pop();
      if (Op == 's')
        pop();
      break;
    case 'e':
    case 'u':
    case 0x90: // APPENDS, SETITEMS, ADDITEMS
      popMark();
      break;
    case 'l':
    case 't':
    case 'd':
    case 0x91: // LIST, TUPLE, DICT, FROZENSET
      popMark();
      pushOther();
      break;
    case 0x85:
    case 0x86:
    case 0x87: // TUPLE1, TUPLE2, TUPLE3
      for (int I = 0; I != Op - 0x84; ++I)
        pop();
      pushOther();
      break;
    case 'g':
    case 'h':
    case 'j': { // GET, BINGET, LONG_BINGET
      uint64_t Key;
      if (Op == 'g') {
        if (!Line(Text) || Text.trim().getAsInteger(10, Key))
          return Truncated();
      } else {
        if (!Need(Op == 'h' ? 1 : 4))
          return Truncated();
        Key = Le(Op == 'h' ? 1 : 4);
      }
      auto It = Memo.find(Key);
      push(It == Memo.end() ? Value() : It->second);
      break;
    }
    case 'p':
    case 'q':
    case 'r':
    case 0x94: { // PUT, BINPUT, LONG_BINPUT, MEMOIZE
      uint64_t Key = Memo.size();
      if (Op == 'p') {
        if (!Line(Text) || Text.trim().getAsInteger(10, Key))
          return Truncated();
      } else if (Op != 0x94) {
        if (!Need(Op == 'q' ? 1 : 4))
          return Truncated();
        Key = Le(Op == 'q' ? 1 : 4);
      }
      if (Memo.size() < MaxStack)
        Memo[Key] = Stack.empty() ? Value() : Stack.back();
      break;
    }
    case 'c':
    case 'i': { // GLOBAL, INST: "module\nname\n"
      StringRef Module, Name;
      if (!Line(Module) || !Line(Name))
        return Truncated();
      import(Module.str(), Name.str(), Op == 'c' ? "GLOBAL" : "INST", OpAt);
      if (Op == 'i') {
        popMark();
        pushOther();
      } else {
        push({Value::Global, Module.str(), Name.str()});
      }
      break;
    }
    case 0x93: { // STACK_GLOBAL
      Value Name = pop(), Module = pop();
      if (Module.Kind == Value::String && Name.Kind == Value::String) {
        import(Module.Text, Name.Text, "STACK_GLOBAL", OpAt);
        push({Value::Global, Module.Text, Name.Text});
      } else {
        // Reported here; a call of it is not reported again.
        import("", "", "STACK_GLOBAL", OpAt);
        push({Value::Global, "", ""});
      }
      break;
    }
    case 0x82:
    case 0x83:
    case 0x84: // EXT1, EXT2, EXT4: the copyreg registry
      if (!Need(Op == 0x82 ? 1 : Op == 0x83 ? 2 : 4))
        return Truncated();
      At += Op == 0x82 ? 1 : Op == 0x83 ? 2 : 4;
      import("", "", "EXT", OpAt);
      push({Value::Global, "", ""});
      break;
    case 'R': { // REDUCE: callable, args
      pop();
      Value Callee = pop();
      call(Callee, "REDUCE", OpAt);
      pushOther();
      break;
    }
    case 0x81: { // NEWOBJ: cls, args
      pop();
      Value Cls = pop();
      call(Cls, "NEWOBJ", OpAt);
      pushOther();
      break;
    }
    case 0x92: { // NEWOBJ_EX: cls, args, kwargs
      pop();
      pop();
      Value Cls = pop();
      call(Cls, "NEWOBJ", OpAt);
      pushOther();
      break;
    }
    case 'o': { // OBJ: mark, cls, args...
      Value Cls;
      // The class is the first item above the mark.
      size_t M = Stack.size();
      while (M > 0 && Stack[M - 1].Kind != Value::Mark)
        --M;
      if (M < Stack.size())
        Cls = Stack[M];
      popMark();
      call(Cls, "OBJ", OpAt);
      pushOther();
      break;
    }
    case 'P': // PERSID
      if (!Line(Text))
        return Truncated();
      pushOther();
      break;
    case 'Q': // BINPERSID
      pop();
      pushOther();
      break;
    default:
      return fail(OpAt, "unknown opcode 0x" + utohexstr(Op));
    }
  }
  return fail(At, "no STOP opcode before the end");
}

ScanResult scan(StringRef Bytes) {
  ScanResult Out;
  size_t At = 0;
  while (At < Bytes.size() && Out.Pickles < MaxPickles) {
    ScanResult One;
    Reader R(Bytes, 0, 0, One);
    bool Read = R.readOne(At);
    // The first pickle is the file's: what it imports counts even when it
    // breaks off (an unpickler runs what came before). After it, bytes
    // that do not read as a pickle are data (torch's legacy storages).
    if (Out.Pickles == 0 || Read)
      Out.Imports.insert(Out.Imports.end(), One.Imports.begin(),
                         One.Imports.end());
    if (!Read) {
      if (Out.Pickles == 0) {
        Out.Error = R.Error;
        Out.ErrorOffset = R.ErrorOffset;
      }
      break;
    }
    ++Out.Pickles;
    // Another pickle follows only if it starts like one.
    if (!looksLikePickle(Bytes.substr(At)))
      break;
  }
  return Out;
}

} // namespace licit::pickle
