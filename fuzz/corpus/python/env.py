import os
MODEL = os.environ.get("MODEL", "meta-llama/Llama-3.1-8B-Instruct")
m = AutoModel.from_pretrained(MODEL, revision="v1")
