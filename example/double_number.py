def double_number(number):
  while True:
    number *= 2
    number = yield number
c = double_number(4)
print(c.send(None))   # 8
print(c.send(5))      # 10
print(c.send(1500))   # 3000
print(c.send(3))      # 6
