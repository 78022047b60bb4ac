#!/usr/bin/env python3
"""Writes GGUF and safetensors files for the tests of
extract-weights-metadata: well-formed ones with the metadata real
converters write (llama.cpp's convert_hf_to_gguf.py, safetensors' writers),
and truncated, lying and corrupt ones. Tensor data is left out, or is a hole:
`--sparse N` makes the first GGUF N GiB long without using the disk.

  utils/make_weights.py OUTDIR [--sparse GIB]
"""
import json
import os
import struct
import sys

U32, I32, F32, BOOL, STRING, ARRAY, U64 = 4, 5, 6, 7, 8, 9, 10


def gguf_string(s):
    b = s.encode()
    return struct.pack("<Q", len(b)) + b


def gguf_value(kind, v):
    if kind == STRING:
        return gguf_string(v)
    if kind == U32:
        return struct.pack("<I", v)
    if kind == I32:
        return struct.pack("<i", v)
    if kind == F32:
        return struct.pack("<f", v)
    if kind == BOOL:
        return struct.pack("<?", v)
    if kind == U64:
        return struct.pack("<Q", v)
    if kind == ARRAY:
        elem, items = v
        return (struct.pack("<IQ", elem, len(items)) +
                b"".join(gguf_value(elem, i) for i in items))
    raise ValueError(kind)


def gguf(kvs, version=3, tensors=0, count=None):
    out = b"GGUF" + struct.pack("<IQQ", version, tensors,
                                len(kvs) if count is None else count)
    for key, kind, v in kvs:
        out += gguf_string(key) + struct.pack("<I", kind) + gguf_value(kind, v)
    return out


def llama_finetune():
    """A community fine-tune of Llama 3.1, as convert_hf_to_gguf.py writes
    one: general.* keys, its base model, a vocabulary array before the
    chat template."""
    return [
        ("general.architecture", STRING, "llama"),
        ("general.name", STRING, "Acme Support Bot 8B"),
        ("general.organization", STRING, "Acme"),
        ("general.license", STRING, "llama3.1"),
        ("general.base_model.count", U32, 1),
        ("general.base_model.0.name", STRING, "Llama 3.1 8B Instruct"),
        ("general.base_model.0.organization", STRING, "Meta Llama"),
        ("general.base_model.0.repo_url", STRING,
         "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct"),
        ("llama.context_length", U32, 131072),
        ("llama.rope.freq_base", F32, 500000.0),
        ("tokenizer.ggml.tokens", ARRAY, (STRING, [f"tok{i}" for i in range(3000)])),
        ("tokenizer.ggml.scores", ARRAY, (F32, [0.0] * 3000)),
        ("tokenizer.chat_template", STRING, "{% for m in messages %}{{ m }}{% endfor %}"),
    ]


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def safetensors(meta, tensors=None):
    header = dict(tensors or {"w": {"dtype": "F32", "shape": [1],
                                    "data_offsets": [0, 4]}})
    if meta is not None:
        header["__metadata__"] = meta
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + b"\0\0\0\0"


def main():
    out = sys.argv[1]
    sparse = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--sparse" else 0
    os.makedirs(f"{out}/good", exist_ok=True)
    os.makedirs(f"{out}/bad", exist_ok=True)
    # A Llama fine-tune that declares its licence and base.
    write(f"{out}/good/acme-support-8b.Q4_K_M.gguf", gguf(llama_finetune()))
    # A fine-tune laundering Llama under apache-2.0: the base still binds.
    laundered = [kv if kv[0] != "general.license" else
                 ("general.license", STRING, "apache-2.0")
                 for kv in llama_finetune()]
    write(f"{out}/good/open-bot-8b.gguf", gguf(laundered))
    # llama.cpp's conversion of a card that says "license: other" with
    # license_name: the name is the licence.
    write(f"{out}/good/meta-llama-3-8b.Q8_0.gguf",
          gguf([("general.architecture", STRING, "llama"),
                ("general.name", STRING, "Meta Llama 3 8B"),
                ("general.license", STRING, "other"),
                ("general.license.name", STRING, "llama3"),
                ("general.license.link", STRING, "LICENSE")]))
    # No licence, no base: nothing to say.
    write(f"{out}/good/own-checkpoint.gguf",
          gguf([("general.architecture", STRING, "llama"),
                ("general.name", STRING, "our own")], version=2))
    # safetensors with metadata naming a licence, and without.
    write(f"{out}/good/adapter.safetensors",
          safetensors({"format": "pt", "license": "cc-by-nc-4.0"}))
    write(f"{out}/good/plain.safetensors", safetensors({"format": "pt"}))
    # Broken files: each a diagnostic, never a crash or a huge allocation.
    full = gguf(llama_finetune())
    write(f"{out}/bad/truncated.gguf", full[:200])
    write(f"{out}/bad/lying-count.gguf",
          gguf([("general.name", STRING, "x")], count=2**62))
    write(f"{out}/bad/lying-string.gguf",
          b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + struct.pack("<Q", 2**63) + b"k")
    write(f"{out}/bad/lying-array.gguf",
          gguf([("a", ARRAY, (U64, []))])[:-8] + struct.pack("<Q", 2**61))
    write(f"{out}/bad/version-9.gguf", b"GGUF" + struct.pack("<IQQ", 9, 0, 0))
    write(f"{out}/bad/bad-type.gguf",
          b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + gguf_string("k") +
          struct.pack("<I", 99))
    write(f"{out}/bad/huge-header.safetensors", struct.pack("<Q", 2**40) + b"{}")
    write(f"{out}/bad/not-json.safetensors", struct.pack("<Q", 5) + b"{nope")
    write(f"{out}/bad/empty.safetensors", b"")
    if sparse:
        path = f"{out}/sparse/huge.gguf"
        os.makedirs(f"{out}/sparse", exist_ok=True)
        with open(path, "wb") as f:
            f.write(gguf(llama_finetune()))
            f.truncate(sparse << 30)


if __name__ == "__main__":
    main()
