#!/usr/bin/env python3
"""Writes a corpus of hostile and benign pickle-based model files for the
tests of check-pickle-imports, with Python's own pickle module. Nothing is
ever unpickled, and no module is imported for its objects: the checkpoint
classes and functions are stand-ins registered under their real module
names, so the pickles name exactly what genuine ones do.

  utils/make_pickles.py OUTDIR    writes OUTDIR/hostile/* and OUTDIR/benign/*
"""
import collections
import io
import os
import pickle
import struct
import sys
import types
import zipfile


def stand_in(module, name, obj=None):
    """Registers obj (a new class by default) as module.name."""
    parts = module.split(".")
    for i in range(1, len(parts) + 1):
        sys.modules.setdefault(".".join(parts[:i]),
                               types.ModuleType(".".join(parts[:i])))
    mod = sys.modules[module]
    if obj is None:
        obj = type(name, (), {})
    obj.__module__ = module
    obj.__name__ = obj.__qualname__ = name
    setattr(mod, name, obj)
    return obj


def function(module, name):
    def f(*args):
        raise AssertionError("never called")
    return stand_in(module, name, f)


class Call:
    """Pickles as a call of fn(*args): what __reduce__ returns."""
    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return self.fn, self.args


# What torch.save writes: tensors rebuilt by torch._utils, storages by
# persistent id, a state dict in an OrderedDict.
rebuild_tensor_v2 = function("torch._utils", "_rebuild_tensor_v2")
FloatStorage = stand_in("torch", "FloatStorage")


class Storage:
    def __init__(self, key):
        self.key = key


def torch_pickle(obj, protocol=2):
    out = io.BytesIO()
    p = pickle.Pickler(out, protocol=protocol)
    p.persistent_id = lambda o: (("storage", FloatStorage, o.key, "cpu", 4)
                                 if isinstance(o, Storage) else None)
    p.dump(obj)
    return out.getvalue()


def state_dict():
    sd = collections.OrderedDict()
    for i, name in enumerate(["embed.weight", "lm_head.weight"]):
        sd[name] = Call(rebuild_tensor_v2, Storage(str(i)), 0, (2, 2), (2, 1),
                        False, collections.OrderedDict())
    return sd


def torch_zip(path, data_pkl, extra=(), compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("archive/data.pkl", data_pkl)
        # Tensor bytes that happen to start like a pickle.
        z.writestr("archive/data/0", b"\x80\x02" + bytes(range(256)) * 4)
        z.writestr("archive/version", "3\n")
        for name, data in extra:
            z.writestr(name, data)


def npy(pickled):
    header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"
    header += " " * (63 - (10 + len(header)) % 64) + "\n"
    return (b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) +
            header.encode() + pickled)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def hostile(d):
    system = Call(os.system, "echo pwned")
    for p in range(6):
        write(f"{d}/os_system_p{p}.pkl", pickle.dumps(system, protocol=p))
    write(f"{d}/eval.pkl", pickle.dumps(Call(eval, "1+1"), protocol=2))
    # os and system kept in the memo, fetched back for STACK_GLOBAL.
    write(f"{d}/memo_stack_global.pkl",
          b"\x80\x04\x8c\x02os\x94\x8c\x06system\x94"  # memo 0, 1
          b"00"                                        # popped
          b"h\x00h\x01\x93"                            # BINGET 0, 1; STACK_GLOBAL
          b"\x8c\x04echo\x85R.")                       # (arg,) REDUCE STOP
    # STACK_GLOBAL on strings a call computed: nothing to resolve.
    write(f"{d}/computed_stack_global.pkl",
          b"\x80\x04\x8c\x08builtins\x8c\x03str\x93\x8c\x02os\x85R"
          b"\x8c\x06system\x93\x8c\x04echo\x85R.")
    # A pickle inside a pickle's bytes, loaded by pickle.loads.
    inner = pickle.dumps(system, protocol=4)
    write(f"{d}/nested.pkl", pickle.dumps(Call(pickle.loads, inner), protocol=4))
    # Protocol 0 text: GLOBAL and INST.
    write(f"{d}/global_text.pkl", b"cos\nsystem\n(S'echo pwned'\ntR.")
    write(f"{d}/inst_text.pkl", b"(S'echo pwned'\nios\nsystem\n.")
    # The copyreg extension registry: an import by number.
    write(f"{d}/ext.pkl", b"\x80\x02\x82\x01)R.")
    # PyTorch archives: in data.pkl; in a member named otherwise; deflated.
    torch_zip(f"{d}/evil_model.pt", torch_pickle(system))
    torch_zip(f"{d}/hidden_member.bin", torch_pickle(state_dict()),
              extra=[("archive/.data/serialization_id", pickle.dumps(system, 2))])
    torch_zip(f"{d}/deflated.pth", torch_pickle(system),
              compression=zipfile.ZIP_DEFLATED)
    # A NumPy object array.
    write(f"{d}/objects.npy", npy(pickle.dumps(system, protocol=3)))
    # A team's own class: not in the allowlist.
    Net = stand_in("acme.models", "Net")
    write(f"{d}/team_model.pkl", pickle.dumps(Net(), protocol=2))
    # A truncated pickle: what it imports before the end still counts.
    write(f"{d}/truncated.pkl", pickle.dumps(system, protocol=2)[:-6])


def benign(d):
    torch_zip(f"{d}/pytorch_model.bin", torch_pickle(state_dict()))
    torch_zip(f"{d}/model.pt", torch_pickle(state_dict()),
              compression=zipfile.ZIP_DEFLATED)
    # torch's legacy format: magic, protocol, sys_info, data, storage keys,
    # then raw storage bytes.
    legacy = b"".join([
        pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2),
        pickle.dumps(1001, protocol=2),
        pickle.dumps({"protocol_version": 1001, "little_endian": True},
                     protocol=2),
        torch_pickle(state_dict()),
        pickle.dumps(["0", "1"], protocol=2),
        b"\x80\x02garbage that is tensor data" * 8,
    ])
    write(f"{d}/legacy.pth", legacy)
    # NumPy arrays as pickled by numpy itself.
    reconstruct = function("numpy.core.multiarray", "_reconstruct")
    ndarray = stand_in("numpy", "ndarray")
    dtype = stand_in("numpy", "dtype")
    array = Call(reconstruct, ndarray, (0,), b"b")
    write(f"{d}/arrays.pkl", pickle.dumps(
        {"x": array, "dtype": Call(dtype, "f8", False, True)}, protocol=2))
    # A scikit-learn estimator.
    Logistic = stand_in("sklearn.linear_model._logistic", "LogisticRegression")
    est = Logistic()
    est.coef_ = array
    for p in (0, 2, 4):
        write(f"{d}/sklearn_p{p}.pkl", pickle.dumps(est, protocol=p))
    # Plain data in every protocol.
    data = {"epochs": 3, "lr": 1e-4, "tags": ["a", "b"], "blob": b"\x80\x05x",
            "set": {1, 2}, "frozen": frozenset({3})}
    for p in range(6):
        write(f"{d}/config_p{p}.pkl", pickle.dumps(data, protocol=p))


def main():
    out = sys.argv[1]
    for kind, fill in (("hostile", hostile), ("benign", benign)):
        os.makedirs(f"{out}/{kind}", exist_ok=True)
        fill(f"{out}/{kind}")


if __name__ == "__main__":
    main()
