x = rb"\x00" f"{y}" """doc
""" 'a' "b" \
  "meta-llama/Llama-3.2-1B"
z = (((1,
[2]))
